import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type SurveillanceMeters,
  type SurveillanceRates,
  surveillanceMetersSchema,
  surveillanceRatesSchema,
} from '@metrochain/contracts';
import { Allow, zodDto } from '@metrochain/service-kit';
import { SurveillanceEngine } from './surveillance-engine';

class SurveillanceRatesDto extends zodDto(surveillanceRatesSchema) {}
class SurveillanceMetersDto extends zodDto(surveillanceMetersSchema) {}

/** What the detectors see now: auditors only (it names meters and their behaviour). Findings are at /api/findings. */
@ApiTags('surveillance')
@Controller('api/surveillance')
export class SurveillanceController {
  readonly #engine: SurveillanceEngine;

  constructor(@Inject(SurveillanceEngine) engine: SurveillanceEngine) {
    this.#engine = engine;
  }

  @Get('rates')
  @Allow('auditor')
  @ApiOkResponse({ type: SurveillanceRatesDto })
  rates(): SurveillanceRates {
    return this.#engine.rates();
  }

  @Get('meters')
  @Allow('auditor')
  @ApiOkResponse({ type: SurveillanceMetersDto })
  meters(): SurveillanceMeters {
    return { meters: this.#engine.meters() };
  }
}
