import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { StageTransition, TransitionResult } from '@sillon/contracts';
import { clientIp } from '../../common/client-ip';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentPrincipal, Principal, RequestWithPrincipal } from '../access/principal';
import { CreateTransitionDto } from './dto/create-transition.dto';
import { TransitionsService } from './transitions.service';

@ApiTags('pipeline')
@ApiCookieAuth()
@Controller({ path: 'projects/:id/transitions' })
export class TransitionsController {
  constructor(private readonly transitions: TransitionsService) {}

  @Get()
  history(@CurrentPrincipal() principal: Principal | undefined, @Param('id', UuidParamPipe) id: string): Promise<StageTransition[]> {
    return this.transitions.history(principal, id);
  }

  @Post()
  create(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: CreateTransitionDto,
    @Req() request: RequestWithPrincipal,
  ): Promise<TransitionResult> {
    return this.transitions.transition(principal, id, body, { ip: clientIp(request) });
  }
}
