import type { CliCommand } from '../../cli';
import { demoAccountsMessage } from './demo-bootstrap';
import { DemoSeeder } from './demo-seeder';

// npm run sillon -- seed-demo: loads the demo portfolio into any database, once.
export const seedDemoCommand: CliCommand = {
  description: 'Charge le portefeuille de démonstration (sans effet s’il est déjà chargé).',
  run: async (app) => {
    const result = await app.get(DemoSeeder).seed();
    process.stdout.write(
      result.created
        ? `Portefeuille de démonstration chargé : ${result.projects} projets, ${result.milestones} jalons.\n${demoAccountsMessage()}\n`
        : 'Le portefeuille de démonstration est déjà chargé : rien à faire.\n',
    );
  },
};
