import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type ProofView, proofViewSchema } from '@metrochain/contracts';
import {
  Allow,
  type AuthenticatedRequest,
  ErrorBodyDto,
  ZodParam,
  parseRequest,
  zodDto,
  EVENT_STREAM_CONTENT,
} from '@metrochain/service-kit';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ProofsService } from './proofs.service';
import { VerificationRelay } from './verification-relay';

class ProofViewDto extends zodDto(proofViewSchema) {}
const verificationIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w~.:-]+$/);

/** The proof checker's data and the live verification stream, for auditors. */
@ApiTags('proofs')
@Controller('api')
@Allow('auditor')
export class ProofsController {
  readonly #proofs: ProofsService;
  readonly #relay: VerificationRelay;

  constructor(
    @Inject(ProofsService) proofs: ProofsService,
    @Inject(VerificationRelay) relay: VerificationRelay,
  ) {
    this.#proofs = proofs;
    this.#relay = relay;
  }

  @Get('proofs/:verificationId')
  @ZodParam('verificationId', verificationIdSchema)
  @ApiOkResponse({ type: ProofViewDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'VERIFICATION_UNKNOWN: no such record.' })
  proof(@Param('verificationId') verificationId: string): Promise<ProofView> {
    return this.#proofs.proof(parseRequest(verificationIdSchema, verificationId));
  }

  @Get('verifications/stream')
  @ApiOkResponse({
    content: EVENT_STREAM_CONTENT,
    description: "The verification service's stream, relayed as it comes (events `verification`).",
  })
  stream(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.#relay.relay(request.credential ?? '', reply);
  }
}
