import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page, User } from '@sillon/contracts';
import { clientIp } from '../../common/client-ip';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentPrincipal, Principal } from '../access/principal';
import { AuthenticatedRequest } from '../auth/session.guard';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserListQueryDto } from './dto/user-list-query.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller({ path: 'users' })
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ description: "Comptes : tous pour l'administration, ceux de son lab pour une ou un responsable de lab" })
  @ApiForbiddenResponse({ description: 'Direction régionale et chef·fe de projet' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: UserListQueryDto): Promise<Page<User>> {
    return this.users.listInReach(principal, query);
  }

  @Get(':id')
  @ApiNotFoundResponse({ description: 'Compte inexistant ou hors de portée' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string): Promise<User> {
    return this.users.findInReach(principal, id);
  }

  @Post()
  @ApiCreatedResponse({ description: 'Compte créé (administration)' })
  @ApiConflictResponse({ description: 'Adresse e-mail déjà utilisée' })
  create(@CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Body() body: CreateUserDto): Promise<User> {
    return this.users.create(body, { principal, ip: clientIp(req) });
  }

  @Patch(':id')
  @ApiOkResponse({ description: 'Compte modifié (administration) ; un changement de rôle, de rattachement ou de mot de passe met fin à ses sessions' })
  @ApiConflictResponse({ description: 'Version périmée : le corps contient le compte actuel' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Req() req: AuthenticatedRequest,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<User> {
    return this.users.update(id, body, { principal, ip: clientIp(req) });
  }

  @Delete(':id')
  @ApiOkResponse({ description: 'Compte désactivé (jamais supprimé) ; ses sessions prennent fin' })
  deactivate(@CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Param('id', UuidParamPipe) id: string): Promise<User> {
    return this.users.deactivate(id, { principal, ip: clientIp(req) });
  }
}
