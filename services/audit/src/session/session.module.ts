import { Module } from '@nestjs/common';
import { SessionController } from './session.controller';

/** Login and logout of the dashboard (cookie session; AccessGuard in service-kit honours the cookie). */
@Module({ controllers: [SessionController] })
export class SessionModule {}
