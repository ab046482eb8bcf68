import { Body, Controller, Get, Param, ParseEnumPipe, Put, Query, Req } from '@nestjs/common';
import { ApiCookieAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { GateCriterion, Stage, STAGES } from '@sillon/contracts';
import { clientIp } from '../../common/client-ip';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { RequestValidationException } from '../../common/validation-errors';
import { CurrentPrincipal, Principal, RequestWithPrincipal } from '../access/principal';
import { ReplaceGateCriteriaDto } from './dto/replace-gate-criteria.dto';
import { GateCriteriaService } from './gate-criteria.service';

const stageParam = (optional: boolean) =>
  new ParseEnumPipe(Object.fromEntries(STAGES.map((s) => [s, s])), {
    optional,
    exceptionFactory: () =>
      new RequestValidationException([{ field: 'stage', message: "Cette valeur n'est pas permise.", code: 'isIn' }]),
  });

@ApiTags('pipeline')
@ApiCookieAuth()
@Controller({ path: 'labs/:labId/gate-criteria' })
export class GateCriteriaController {
  constructor(private readonly criteria: GateCriteriaService) {}

  @Get()
  @ApiQuery({ name: 'stage', enum: STAGES, required: false })
  list(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('labId', UuidParamPipe) labId: string,
    @Query('stage', stageParam(true)) stage?: Stage,
  ): Promise<GateCriterion[]> {
    return this.criteria.list(principal, labId, stage);
  }

  @Put(':stage')
  replace(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('labId', UuidParamPipe) labId: string,
    @Param('stage', stageParam(false)) stage: Stage,
    @Body() body: ReplaceGateCriteriaDto,
    @Req() request: RequestWithPrincipal,
  ): Promise<GateCriterion[]> {
    return this.criteria.replace(principal, labId, stage, body, { ip: clientIp(request) });
  }
}
