import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { Clock } from './clock';
import { LabScopeInterceptor } from './lab-scope.interceptor';
import { LoginThrottle } from './login-throttle';
import { PasswordService } from './password.service';
import { PgThrottlerStorage } from './pg-throttler.storage';
import { SessionEntity } from './session.entity';
import { SessionGuard } from './session.guard';
import { SessionService } from './session.service';
import { USER_THROTTLERS } from './user-rate-limits';

// Global: every area relies on the guard's principal, and users/demo hash passwords with PasswordService.
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([SessionEntity]),
    // The per-user limits of @UserRateLimit routes, counted in PostgreSQL like the sign-ins.
    ThrottlerModule.forRootAsync({
      inject: [PgThrottlerStorage],
      useFactory: (storage: PgThrottlerStorage) => ({ throttlers: USER_THROTTLERS, storage, setHeaders: false }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    Clock,
    PasswordService,
    SessionService,
    PgThrottlerStorage,
    LoginThrottle,
    AuthService,
    { provide: APP_GUARD, useClass: SessionGuard },
    { provide: APP_INTERCEPTOR, useClass: LabScopeInterceptor },
  ],
  exports: [Clock, PasswordService, SessionService, PgThrottlerStorage],
})
export class AuthModule {}
