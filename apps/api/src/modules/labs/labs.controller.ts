import { Body, Controller, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Lab } from '@sillon/contracts';
import { clientIp } from '../../common/client-ip';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentPrincipal, Principal } from '../access/principal';
import { AuthenticatedRequest } from '../auth/session.guard';
import { CreateLabDto, LabListQueryDto, UpdateLabDto } from './dto/lab.dto';
import { LabsService } from './labs.service';

@ApiTags('labs')
@Controller({ path: 'labs' })
export class LabsController {
  constructor(private readonly labs: LabsService) {}

  @Get()
  @ApiOkResponse({ description: "Les labs à la portée de l'appelant (son lab, les labs de sa région, tous pour l'administration)" })
  list(@CurrentPrincipal() principal: Principal, @Query() query: LabListQueryDto): Promise<Lab[]> {
    return this.labs.listLabsInReach(principal, query.region);
  }

  @Get(':id')
  @ApiNotFoundResponse({ description: "Lab inexistant ou hors de portée" })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string): Promise<Lab> {
    return this.labs.findLabInReach(principal, id);
  }

  @Post()
  @ApiCreatedResponse({ description: 'Lab créé (administration)' })
  @ApiForbiddenResponse({ description: "Réservé à l'administration" })
  @ApiConflictResponse({ description: 'Nom ou code déjà pris' })
  create(@CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Body() body: CreateLabDto): Promise<Lab> {
    return this.labs.createLab(body, { principal, ip: clientIp(req) });
  }

  @Patch(':id')
  @ApiOkResponse({ description: 'Lab modifié (administration)' })
  @ApiConflictResponse({ description: 'Version périmée : le corps contient le lab actuel' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Req() req: AuthenticatedRequest,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UpdateLabDto,
  ): Promise<Lab> {
    return this.labs.updateLab(id, body, { principal, ip: clientIp(req) });
  }
}
