import { Module } from '@nestjs/common';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { ImportersOnlyGuard } from './importers-only.guard';

@Module({
  controllers: [ImportsController],
  providers: [ImportsService, ImportersOnlyGuard],
})
export class ImportsModule {}
