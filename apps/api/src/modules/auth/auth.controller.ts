import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Me } from '@sillon/contracts';
import type { Response } from 'express';
import { clientIp } from '../../common/client-ip';
import { ProblemException } from '../../common/problem-details.filter';
import { Public } from '../../common/public.decorator';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { clearSessionCookies, SESSION_COOKIE, setSessionCookies } from './auth-cookies';
import { AuthService, TooManyAttemptsException } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { AuthenticatedRequest, NOT_SIGNED_IN } from './session.guard';
import { ActiveSession } from './session.service';

@ApiTags('auth')
@Controller({ path: 'auth' })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Public, so it needs no XSRF token; the guard still refuses a foreign Origin.
  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Connecté : cookies de session et XSRF-TOKEN posés' })
  @ApiUnauthorizedResponse({ description: 'Adresse e-mail ou mot de passe incorrect' })
  @ApiTooManyRequestsResponse({ description: 'Trop de tentatives échouées pour ce compte ou cette adresse IP' })
  async login(@Body() body: LoginDto, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<Me> {
    try {
      const { me, issued } = await this.auth.signIn(body.email, body.password, {
        ip: clientIp(req),
        userAgent: req.headers['user-agent'] ?? null,
        previousToken: (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE],
      });
      setSessionCookies(res, this.config, issued.token, issued.xsrfToken);
      return me;
    } catch (error) {
      if (error instanceof TooManyAttemptsException) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Get('me')
  @ApiOkResponse({ description: 'La personne connectée' })
  @ApiUnauthorizedResponse({ description: 'Pas de session valide' })
  me(@Req() req: AuthenticatedRequest): Me {
    // The guard resolved the session: no second query.
    return activeSession(req).me;
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Session terminée' })
  async logout(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = (req.cookies as Record<string, string>)[SESSION_COOKIE];
    await this.auth.signOut(activeSession(req), token, clientIp(req));
    clearSessionCookies(res, this.config);
  }
}

// Set by the guard on every route that is not @Public().
function activeSession(req: AuthenticatedRequest): ActiveSession {
  if (!req.session) throw new ProblemException(HttpStatus.UNAUTHORIZED, NOT_SIGNED_IN);
  return req.session;
}
