import { Body, Controller, HttpCode, Post, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ImportAnalysis, ImportReport } from '@sillon/contracts';
import { ClientIp } from '../../common/client-ip';
import { CurrentPrincipal, Principal } from '../access/principal';
import { AnalyseImportDto, RunImportDto } from './dto/import-request.dto';
import { ImportFileInterceptor } from './import-file.interceptor';
import { ImportFile, ImportsService } from './imports.service';
import { ImportersOnlyGuard } from './importers-only.guard';

const FILE_BODY = {
  schema: {
    type: 'object',
    required: ['file', 'kind'],
    properties: {
      file: { type: 'string', format: 'binary', description: 'CSV (UTF-8 ou Windows-1252, « ; » ou « , ») ou Excel .xlsx (première feuille), 10 Mo et 20 000 lignes au plus' },
      kind: { type: 'string', enum: ['projects', 'milestones', 'organisations'] },
      mapping: { type: 'string', description: 'JSON : champ → colonne (vérification et import)' },
    },
  },
};

@ApiTags('imports')
@ApiCookieAuth()
@ApiConsumes('multipart/form-data')
@UseGuards(ImportersOnlyGuard)
@Controller({ path: 'imports' })
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('analyse')
  @HttpCode(200)
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ description: 'Colonnes du fichier, premières lignes et correspondance proposée' })
  @UseInterceptors(ImportFileInterceptor)
  analyse(@CurrentPrincipal() principal: Principal | undefined, @Body() body: AnalyseImportDto, @UploadedFile() file: ImportFile | undefined): Promise<ImportAnalysis> {
    return this.imports.analyse(principal, body.kind, file);
  }

  @Post('dry-run')
  @HttpCode(200)
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ description: 'Rapport ligne par ligne (à créer, déjà présent, erreur) ; rien n’est écrit' })
  @UseInterceptors(ImportFileInterceptor)
  dryRun(@CurrentPrincipal() principal: Principal | undefined, @Body() body: RunImportDto, @UploadedFile() file: ImportFile | undefined): Promise<ImportReport> {
    return this.imports.dryRun(principal, body.kind, body.mapping, file);
  }

  // Tout ou rien : une ligne en erreur → 400 avec chaque ligne, rien d'écrit.
  @Post()
  @ApiBody(FILE_BODY)
  @UseInterceptors(ImportFileInterceptor)
  import(
    @CurrentPrincipal() principal: Principal | undefined,
    @Body() body: RunImportDto,
    @UploadedFile() file: ImportFile | undefined,
    @ClientIp() ip: string,
  ): Promise<ImportReport> {
    return this.imports.import(principal, body.kind, body.mapping, file, ip);
  }
}
