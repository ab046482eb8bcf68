import { Body, Controller, Get, Ip, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FundingLine, ProjectFunding } from '@sillon/contracts';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentPrincipal, Principal } from '../access/principal';
import { ProjectAccessPolicy } from '../access/project-access.policy';
import { CreateFundingLineDto, UpdateFundingLineDto } from './dto/funding-line.dto';
import { FundingService } from './funding.service';

@ApiTags('funding')
@Controller()
export class FundingController {
  constructor(
    private readonly funding: FundingService,
    private readonly policy: ProjectAccessPolicy,
  ) {}

  @Get('projects/:projectId/funding')
  forProject(@CurrentPrincipal() principal: Principal | undefined, @Param('projectId', UuidParamPipe) projectId: string): Promise<ProjectFunding> {
    this.policy.assertPortfolioReader(principal);
    return this.funding.forProject(principal, projectId);
  }

  @Post('projects/:projectId/funding')
  create(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('projectId', UuidParamPipe) projectId: string,
    @Body() dto: CreateFundingLineDto,
    @Ip() ip: string,
  ): Promise<FundingLine> {
    this.policy.assertPortfolioReader(principal);
    return this.funding.create(principal, projectId, dto, ip);
  }

  @Get('funding/:id')
  get(@CurrentPrincipal() principal: Principal | undefined, @Param('id', UuidParamPipe) id: string): Promise<FundingLine> {
    this.policy.assertPortfolioReader(principal);
    return this.funding.get(principal, id);
  }

  @Patch('funding/:id')
  update(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateFundingLineDto,
    @Ip() ip: string,
  ): Promise<FundingLine> {
    this.policy.assertPortfolioReader(principal);
    return this.funding.update(principal, id, dto, ip);
  }
}
