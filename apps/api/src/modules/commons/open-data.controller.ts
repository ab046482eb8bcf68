import { Controller, Get, Header, Res, UseGuards } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { OPEN_DATA_LICENCE, OPEN_DATA_SCHEMA_VERSION, OpenDataFeed, OpenDataTableSchema } from '@sillon/contracts';
import type { Response } from 'express';
import { Public } from '../../common/public.decorator';
import { OPEN_DATA_TABLE_SCHEMA } from './open-data-schema';
import { OpenDataThrottleGuard } from './open-data-throttle.guard';
import { OpenDataService } from './open-data.service';

const CACHE = 'public, max-age=300';
const SCHEMA_PATH = '/api/v1/open-data/schema.json';
const LICENCE_LINK = `<${OPEN_DATA_LICENCE.url}>; rel="license"; title="${OPEN_DATA_LICENCE.name}"`;
const LINKS = `${LICENCE_LINK}, <${SCHEMA_PATH}>; rel="describedby"; type="application/schema+json"`;

// Anonymous open data (Licence Ouverte 2.0): the projects labs marked public, without personal data.
// Answers may be cached five minutes by browsers and proxies; each address may ask 120 times a minute.
@ApiTags('open-data')
@Public()
@UseGuards(OpenDataThrottleGuard)
@Controller({ path: 'open-data' })
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Get('projects.json')
  @Header('Cache-Control', CACHE)
  @Header('Link', LINKS)
  async json(): Promise<OpenDataFeed> {
    return {
      schemaVersion: OPEN_DATA_SCHEMA_VERSION,
      licence: { ...OPEN_DATA_LICENCE },
      generatedAt: new Date().toISOString(),
      schema: SCHEMA_PATH,
      projects: await this.openData.projects(),
    };
  }

  @Get('projects.csv')
  @ApiProduces('text/csv')
  async csv(@Res() res: Response): Promise<void> {
    const body = await this.openData.csv();
    res
      .status(200)
      .set({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="sillon-projets-publics.csv"',
        'Cache-Control': CACHE,
        Link: LINKS,
        'X-Licence': `${OPEN_DATA_LICENCE.name} (${OPEN_DATA_LICENCE.url})`,
      })
      .send(body);
  }

  @Get('schema.json')
  @Header('Cache-Control', CACHE)
  @Header('Link', LICENCE_LINK)
  schema(): OpenDataTableSchema {
    return OPEN_DATA_TABLE_SCHEMA;
  }
}
