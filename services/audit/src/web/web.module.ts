import { Module } from '@nestjs/common';
import { loadDashboardConfig } from '../config/dashboard.config';
import { WebController } from './web.controller';
import { WebAssets } from './web-assets';

/** Serves the dashboard, login and receipt pages (services/audit/web, built by esbuild). */
@Module({
  controllers: [WebController],
  providers: [
    { provide: WebAssets, useFactory: (): WebAssets => new WebAssets(loadDashboardConfig().webDir) },
  ],
})
export class WebModule {}
