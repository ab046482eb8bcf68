import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { Page, ProjectProposal, ProposalDecisionResult } from '@sillon/contracts';
import { clientIp } from '../../common/client-ip';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentPrincipal, Principal, RequestWithPrincipal } from '../access/principal';
import { CreateProposalDto } from './dto/create-proposal.dto';
import { DecideProposalDto } from './dto/decide-proposal.dto';
import { ProposalListQueryDto } from './dto/proposal-list-query.dto';
import { ProposalsService } from './proposals.service';

@ApiTags('pipeline')
@ApiCookieAuth()
@Controller()
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Post('projects/:id/proposals')
  create(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: CreateProposalDto,
    @Req() request: RequestWithPrincipal,
  ): Promise<ProjectProposal> {
    return this.proposals.create(principal, id, body, { ip: clientIp(request) });
  }

  @Get('proposals')
  list(@CurrentPrincipal() principal: Principal | undefined, @Query() query: ProposalListQueryDto): Promise<Page<ProjectProposal>> {
    return this.proposals.list(principal, query);
  }

  @Get('proposals/:id')
  get(@CurrentPrincipal() principal: Principal | undefined, @Param('id', UuidParamPipe) id: string): Promise<ProjectProposal> {
    return this.proposals.get(principal, id);
  }

  @Post('proposals/:id/decision')
  @HttpCode(200)
  decide(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: DecideProposalDto,
    @Req() request: RequestWithPrincipal,
  ): Promise<ProposalDecisionResult> {
    return this.proposals.decide(principal, id, body, { ip: clientIp(request) });
  }

  @Post('proposals/:id/acknowledgement')
  @HttpCode(200)
  acknowledge(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', UuidParamPipe) id: string,
    @Req() request: RequestWithPrincipal,
  ): Promise<ProjectProposal> {
    return this.proposals.acknowledge(principal, id, { ip: clientIp(request) });
  }
}
