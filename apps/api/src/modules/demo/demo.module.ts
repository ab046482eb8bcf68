import { Module } from '@nestjs/common';
import { DemoBootstrap } from './demo-bootstrap';
import { DemoSeeder } from './demo-seeder';

@Module({
  providers: [DemoSeeder, DemoBootstrap],
  exports: [DemoSeeder],
})
export class DemoModule {}
