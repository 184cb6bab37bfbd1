import { Controller, Get, Inject, Param, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PlatformErrorCode } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { Allow, Public } from '@metrochain/service-kit';
import type { FastifyReply } from 'fastify';
import { LoginRedirectFilter } from './login-redirect.filter';
import { CONTENT_SECURITY_POLICY, WebAssets } from './web-assets';

/** The pages and their bundled assets; nothing comes from elsewhere (CSP `'self'` only). */
@ApiExcludeController()
@Controller()
export class WebController {
  readonly #assets: WebAssets;

  constructor(@Inject(WebAssets) assets: WebAssets) {
    this.#assets = assets;
  }

  @Get()
  @Public()
  root(@Res() reply: FastifyReply): void {
    void reply.redirect('/dashboard', 302);
  }

  @Get('login')
  @Public()
  login(@Res() reply: FastifyReply): void {
    this.#send(reply, 'login.html', 'no-store');
  }

  @Get('receipt')
  @Public()
  receipt(@Res() reply: FastifyReply): void {
    this.#send(reply, 'receipt.html', 'no-cache');
  }

  @Get('dashboard')
  @Allow('auditor')
  @UseFilters(LoginRedirectFilter)
  dashboard(@Res() reply: FastifyReply): void {
    this.#send(reply, 'dashboard.html', 'no-store');
  }

  @Get('assets/:file')
  @Public()
  asset(@Param('file') file: string, @Res() reply: FastifyReply): void {
    // Bundles are named by content hash: never revalidated.
    this.#send(reply, file, 'public, max-age=31536000, immutable');
  }

  #send(reply: FastifyReply, name: string, cacheControl: string): void {
    const asset = /^[\w.-]+$/.test(name) ? this.#assets.get(name) : undefined;
    if (asset === undefined) {
      throw new DomainError({ code: PlatformErrorCode.ROUTE_NOT_FOUND, message: `no page or asset ${name}` });
    }
    void reply
      .header('content-type', asset.type)
      .header('cache-control', cacheControl)
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .send(asset.body);
  }
}
