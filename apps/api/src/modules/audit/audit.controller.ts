import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { AuditEvent, Page } from '@sillon/contracts';
import { CurrentPrincipal, Principal } from '../access/principal';
import { AuditTrailService } from './audit-trail.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiCookieAuth()
@Controller({ path: 'audit' })
export class AuditController {
  constructor(private readonly trail: AuditTrailService) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal | undefined, @Query() query: AuditQueryDto): Promise<Page<AuditEvent>> {
    return this.trail.list(principal, query);
  }
}
