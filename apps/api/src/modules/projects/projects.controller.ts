import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Project } from '@sillon/contracts';
import { clientIp } from '../../common/client-ip';
import { JSON_CONTENT_TYPE } from '../../common/json-text';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentPrincipal, Principal, RequestWithPrincipal } from '../access/principal';
import { CreateProjectDto } from './dto/create-project.dto';
import { RestoreProjectDto } from './dto/restore-project.dto';
import { ProjectListQueryDto } from './dto/project-list-query.dto';
import { UpdateProjectDto } from './dto/update-project.dto';
import { ProjectsService } from './projects.service';

@ApiTags('projets')
@ApiCookieAuth()
@Controller({ path: 'projects' })
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @ApiOkResponse({ description: 'Page de projets : {items, total, page, pageSize} ; chaque projet sans ses textes longs (résumé, motif du statut, commentaire sur la santé), ni ses communes, sa visibilité publique et sa date de création, que donne GET /projects/:id' })
  @Header('Content-Type', JSON_CONTENT_TYPE)
  async list(@CurrentPrincipal() principal: Principal | undefined, @Query() query: ProjectListQueryDto): Promise<string> {
    return (await this.projects.list(principal, query)).text;
  }

  @Post()
  create(
    @CurrentPrincipal() principal: Principal | undefined,
    @Body() body: CreateProjectDto,
    @Req() request: RequestWithPrincipal,
  ): Promise<Project> {
    return this.projects.create(principal, body, { ip: clientIp(request) });
  }

  @Get(':id')
  get(@CurrentPrincipal() principal: Principal | undefined, @Param('id', UuidParamPipe) id: string): Promise<Project> {
    return this.projects.get(principal, id);
  }

  @Patch(':id')
  update(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UpdateProjectDto,
    @Req() request: RequestWithPrincipal,
  ): Promise<Project> {
    return this.projects.update(principal, id, body, { ip: clientIp(request) });
  }

  // Archives: nothing of a project's record is ever deleted.
  @Delete(':id')
  @HttpCode(200)
  archive(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', UuidParamPipe) id: string,
    @Req() request: RequestWithPrincipal,
  ): Promise<Project> {
    return this.projects.archive(principal, id, { ip: clientIp(request) });
  }

  // Brings an archived project back (lab managers, like archiving); a stale version is answered 409.
  @Post(':id/restore')
  @HttpCode(200)
  restore(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', UuidParamPipe) id: string,
    @Body() body: RestoreProjectDto,
    @Req() request: RequestWithPrincipal,
  ): Promise<Project> {
    return this.projects.restore(principal, id, body.version, { ip: clientIp(request) });
  }
}
