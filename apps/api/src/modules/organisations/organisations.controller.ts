import { Body, Controller, Get, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Organisation, Page } from '@sillon/contracts';
import { CurrentPrincipal, Principal } from '../access/principal';
import { ProjectAccessPolicy } from '../access/project-access.policy';
import { CreateOrganisationDto, OrganisationListQueryDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller({ path: 'organisations' })
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly policy: ProjectAccessPolicy,
  ) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal | undefined, @Query() query: OrganisationListQueryDto): Promise<Page<Organisation>> {
    this.policy.assertPortfolioReader(principal);
    return this.organisations.list(principal, query);
  }

  @Get(':id')
  get(@CurrentPrincipal() principal: Principal | undefined, @Param('id', UuidParamPipe) id: string): Promise<Organisation> {
    this.policy.assertPortfolioReader(principal);
    return this.organisations.get(principal, id);
  }

  @Post()
  create(@CurrentPrincipal() principal: Principal | undefined, @Body() dto: CreateOrganisationDto, @Ip() ip: string): Promise<Organisation> {
    this.policy.assertPortfolioReader(principal);
    return this.organisations.create(principal, dto, ip);
  }

  @Patch(':id')
  update(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateOrganisationDto,
    @Ip() ip: string,
  ): Promise<Organisation> {
    this.policy.assertPortfolioReader(principal);
    return this.organisations.update(principal, id, dto, ip);
  }
}
