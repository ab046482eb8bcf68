import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigError } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { DEMO_ACCOUNTS, DEMO_OTHER_USERS, DEMO_PASSWORD } from './demo-catalogue';
import { DemoSeeder } from './demo-seeder';

const ROLE_LABELS: Record<string, string> = {
  admin: 'administration',
  regional_director: 'direction régionale Hauts-de-France',
  lab_manager: 'responsable du lab de Lille',
  project_lead: 'cheffe de projet à Lille',
  national: 'direction nationale, toutes les régions',
};

// A new database records once whether it is a demo (SILLON_DEMO=true, which npm start sets). A demo
// started with SILLON_DEMO=true gets its portfolio; a database created without demo never does.
// In production, a database with usable demo accounts (public password) stops the start.
@Injectable()
export class DemoBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Démo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly seeder: DemoSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.production) await this.refuseActiveDemoAccounts();
    await this.dataSource.query(`INSERT INTO instance (id, demo) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`, [this.config.demo]);
    const [instance] = await this.dataSource.query(`SELECT demo FROM instance WHERE id = 1`);
    if (this.config.demo && instance?.demo === true) await this.seeder.seed();
    if (!this.config.production && (await this.seeder.isLoaded())) this.logger.log(demoAccountsMessage());
  }

  private async refuseActiveDemoAccounts(): Promise<void> {
    const emails = [...DEMO_ACCOUNTS, ...DEMO_OTHER_USERS].map((u) => u.email.toLowerCase());
    const rows: { email: string }[] = await this.dataSource.query(
      `SELECT lower(email) AS email FROM app_user WHERE active AND lower(email) = ANY($1) ORDER BY array_position($1::text[], lower(email))`,
      [emails],
    );
    if (!rows.length) return;
    const named = rows.slice(0, 3).map((r) => r.email).join(', ') + (rows.length > 3 ? ', …' : '');
    // The operator's to fix, like a bad variable: main.ts prints this one line and exits with 1.
    throw new ConfigError(
      `Démarrage refusé avec NODE_ENV=production : la base contient ${rows.length} comptes de démonstration actifs (${named}), ` +
        "dont le mot de passe est public. Désactivez-les (Administration > Utilisateurs, l'API démarrée sans NODE_ENV=production) " +
        'ou utilisez une base créée sans démonstration.',
    );
  }
}

export function demoAccountsMessage(): string {
  const accounts = DEMO_ACCOUNTS.map((a) => `${a.email} (${ROLE_LABELS[a.role]})`).join(', ');
  return `Comptes de démonstration (mot de passe ${DEMO_PASSWORD}) : ${accounts}.`;
}
