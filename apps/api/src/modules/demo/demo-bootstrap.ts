import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-catalogue';
import { DemoSeeder } from './demo-seeder';

const ROLE_LABELS: Record<string, string> = {
  admin: 'administration',
  regional_director: 'direction régionale Hauts-de-France',
  lab_manager: 'responsable du lab de Lille',
  project_lead: 'cheffe de projet à Lille',
};

// A new database records once whether it is a demo (SILLON_DEMO, on by default with the embedded
// database). A demo gets its portfolio on first start; a database created without demo never does.
@Injectable()
export class DemoBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Démo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly seeder: DemoSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.query(`INSERT INTO instance (id, demo) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`, [this.config.demo]);
    const [instance] = await this.dataSource.query(`SELECT demo FROM instance WHERE id = 1`);
    if (instance?.demo === true) await this.seeder.seed();
    if (await this.seeder.isLoaded()) this.logger.log(demoAccountsMessage());
  }
}

export function demoAccountsMessage(): string {
  const accounts = DEMO_ACCOUNTS.map((a) => `${a.email} (${ROLE_LABELS[a.role]})`).join(', ');
  return `Comptes de démonstration (mot de passe ${DEMO_PASSWORD}) : ${accounts}.`;
}
