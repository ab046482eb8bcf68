import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ProjectPartner } from '@sillon/contracts';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentPrincipal, Principal } from '../access/principal';
import { ProjectAccessPolicy } from '../access/project-access.policy';
import { CreatePartnerDto } from './dto/partner.dto';
import { PartnersService } from './partners.service';

@ApiTags('partners')
@Controller({ path: 'projects/:projectId/partners' })
export class PartnersController {
  constructor(
    private readonly partners: PartnersService,
    private readonly policy: ProjectAccessPolicy,
  ) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal | undefined, @Param('projectId', UuidParamPipe) projectId: string): Promise<ProjectPartner[]> {
    this.policy.assertPortfolioReader(principal);
    return this.partners.listForProject(principal, projectId);
  }

  @Post()
  add(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('projectId', UuidParamPipe) projectId: string,
    @Body() dto: CreatePartnerDto,
    @Ip() ip: string,
  ): Promise<ProjectPartner> {
    this.policy.assertPortfolioReader(principal);
    return this.partners.add(principal, projectId, dto, ip);
  }

  @Delete(':partnerId')
  @HttpCode(204)
  async remove(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('projectId', UuidParamPipe) projectId: string,
    @Param('partnerId', UuidParamPipe) partnerId: string,
    @Ip() ip: string,
  ): Promise<void> {
    this.policy.assertPortfolioReader(principal);
    await this.partners.remove(principal, projectId, partnerId, ip);
  }
}
