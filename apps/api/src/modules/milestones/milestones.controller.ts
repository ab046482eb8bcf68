import { Body, Controller, Get, Header, Headers, Ip, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Milestone, MilestoneOwner } from '@sillon/contracts';
import { JSON_CONTENT_TYPE } from '../../common/json-text';
import type { Response } from 'express';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentPrincipal, Principal } from '../access/principal';
import { ProjectAccessPolicy } from '../access/project-access.policy';
import { CreateMilestoneDto, MilestoneListQueryDto, MilestoneOwnerQueryDto, ProjectMilestoneQueryDto, UpdateMilestoneDto } from './dto/milestone.dto';
import { parseIdempotencyKey } from './idempotency';
import { MilestonesService } from './milestones.service';

@ApiTags('milestones')
@Controller()
export class MilestonesController {
  constructor(
    private readonly milestones: MilestonesService,
    private readonly policy: ProjectAccessPolicy,
  ) {}

  @Get('projects/:projectId/milestones')
  @Header('Content-Type', JSON_CONTENT_TYPE)
  async listForProject(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('projectId', UuidParamPipe) projectId: string,
    @Query() query: ProjectMilestoneQueryDto,
  ): Promise<string> {
    this.policy.assertPortfolioReader(principal);
    return (await this.milestones.listForProject(principal, projectId, query)).text;
  }

  @Post('projects/:projectId/milestones')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Rejouer la requête avec la même clé ne crée pas un second jalon.' })
  async create(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('projectId', UuidParamPipe) projectId: string,
    @Body() dto: CreateMilestoneDto,
    @Headers('idempotency-key') keyHeader: string | undefined,
    @Ip() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Milestone> {
    this.policy.assertPortfolioReader(principal);
    const key = parseIdempotencyKey(keyHeader);
    const { milestone, replayed } = await this.milestones.create(principal, projectId, dto, key, ip);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return milestone;
  }

  @Get('milestones')
  @Header('Content-Type', JSON_CONTENT_TYPE)
  async list(@CurrentPrincipal() principal: Principal | undefined, @Query() query: MilestoneListQueryDto): Promise<string> {
    this.policy.assertPortfolioReader(principal);
    return (await this.milestones.findInLabs(principal, query)).text;
  }

  @Get('milestone-owners')
  owners(@CurrentPrincipal() principal: Principal | undefined, @Query() query: MilestoneOwnerQueryDto): Promise<MilestoneOwner[]> {
    this.policy.assertPortfolioReader(principal);
    return this.milestones.ownersInLabs(principal, query);
  }

  @Get('milestones/:id')
  get(@CurrentPrincipal() principal: Principal | undefined, @Param('id', UuidParamPipe) id: string): Promise<Milestone> {
    this.policy.assertPortfolioReader(principal);
    return this.milestones.get(principal, id);
  }

  @Patch('milestones/:id')
  update(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateMilestoneDto,
    @Ip() ip: string,
  ): Promise<Milestone> {
    this.policy.assertPortfolioReader(principal);
    return this.milestones.update(principal, id, dto, ip);
  }
}
