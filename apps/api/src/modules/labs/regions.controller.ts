import { Body, Controller, Get, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Region } from '@sillon/contracts';
import { clientIp } from '../../common/client-ip';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentPrincipal, Principal } from '../access/principal';
import { AuthenticatedRequest } from '../auth/session.guard';
import { CreateRegionDto, UpdateRegionDto } from './dto/lab.dto';
import { LabsService } from './labs.service';

@ApiTags('labs')
@Controller({ path: 'regions' })
export class RegionsController {
  constructor(private readonly labs: LabsService) {}

  @Get()
  @ApiOkResponse({ description: "Les régions à la portée de l'appelant (la sienne, toutes pour l'administration et la direction nationale)" })
  list(@CurrentPrincipal() principal: Principal): Promise<Region[]> {
    return this.labs.listRegionsInReach(principal);
  }

  @Get(':id')
  @ApiNotFoundResponse({ description: 'Région inexistante ou hors de portée' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string): Promise<Region> {
    return this.labs.findRegionInReach(principal, id);
  }

  @Post()
  @ApiCreatedResponse({ description: 'Région créée (administration)' })
  @ApiForbiddenResponse({ description: "Réservé à l'administration" })
  @ApiConflictResponse({ description: 'Nom déjà pris' })
  create(@CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Body() body: CreateRegionDto): Promise<Region> {
    return this.labs.createRegion(body, { principal, ip: clientIp(req) });
  }

  @Patch(':id')
  @ApiOkResponse({ description: 'Région renommée (administration)' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Req() req: AuthenticatedRequest,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UpdateRegionDto,
  ): Promise<Region> {
    return this.labs.updateRegion(id, body, { principal, ip: clientIp(req) });
  }
}
