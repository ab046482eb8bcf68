import { Controller, Get } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { Theme, THEME_LABELS_FR, THEMES } from '@sillon/contracts';

@ApiTags('projets')
@ApiCookieAuth()
@Controller({ path: 'themes' })
export class ThemesController {
  @Get()
  list(): { code: Theme; label: string }[] {
    return THEMES.map((code) => ({ code, label: THEME_LABELS_FR[code] }));
  }
}
