import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ProjectCommon } from '@sillon/contracts';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentPrincipal, Principal } from '../access/principal';
import { ProjectAccessPolicy } from '../access/project-access.policy';
import { CommonsService } from './commons.service';
import { CreateCommonDto, UpdateCommonDto } from './dto/common.dto';

@ApiTags('commons')
@Controller()
export class CommonsController {
  constructor(
    private readonly commons: CommonsService,
    private readonly policy: ProjectAccessPolicy,
  ) {}

  @Get('projects/:projectId/commons')
  forProject(@CurrentPrincipal() principal: Principal | undefined, @Param('projectId', UuidParamPipe) projectId: string): Promise<ProjectCommon[]> {
    this.policy.assertPortfolioReader(principal);
    return this.commons.forProject(principal, projectId);
  }

  @Post('projects/:projectId/commons')
  create(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('projectId', UuidParamPipe) projectId: string,
    @Body() dto: CreateCommonDto,
    @Ip() ip: string,
  ): Promise<ProjectCommon> {
    this.policy.assertPortfolioReader(principal);
    return this.commons.create(principal, projectId, dto, ip);
  }

  @Patch('commons/:id')
  update(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateCommonDto,
    @Ip() ip: string,
  ): Promise<ProjectCommon> {
    this.policy.assertPortfolioReader(principal);
    return this.commons.update(principal, id, dto, ip);
  }

  @Delete('commons/:id')
  @HttpCode(204)
  async remove(@CurrentPrincipal() principal: Principal | undefined, @Param('id', UuidParamPipe) id: string, @Ip() ip: string): Promise<void> {
    this.policy.assertPortfolioReader(principal);
    await this.commons.remove(principal, id, ip);
  }
}
