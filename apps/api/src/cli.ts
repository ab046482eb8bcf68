// Command line of the API: `npm run sillon -- <command> [options]` (see README).
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/app-config';
import { resolveDatabase } from './database/resolve-connection';
import { seedDemoCommand } from './modules/demo/seed-demo.command';
import { createAdmin, readAllStdin } from './modules/users/create-admin.command';

export interface CliCommand {
  description: string;
  // Options are --name value pairs; secrets never come from argv (read stdin or the environment).
  run(app: INestApplicationContext, options: Record<string, string>): Promise<void>;
}

const COMMANDS: Record<string, CliCommand> = {
  migrate: {
    description: 'Applique les migrations en attente (le serveur le fait aussi au démarrage).',
    // Opening the application context applies them.
    run: async () => undefined,
  },
  'create-admin': {
    description: "Crée un compte d'administration : --email adresse [--name \"Prénom Nom\"] ; mot de passe sur l'entrée standard ou dans SILLON_ADMIN_PASSWORD.",
    run: async (app, options) => {
      await createAdmin(app, options, { env: process.env, readStdin: readAllStdin, write: (line) => process.stdout.write(`${line}\n`) });
    },
  },
  'seed-demo': seedDemoCommand,
};

function parseOptions(args: string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const match = /^--([\w-]+)(?:=(.*))?$/.exec(args[i]);
    if (!match) throw new ConfigError(`Argument inattendu : ${args[i]}`);
    options[match[1]] = match[2] ?? (args[i + 1] && !args[i + 1].startsWith('--') ? args[++i] : 'true');
  }
  return options;
}

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(14)} ${command.description}`);
  return `Usage : npm run sillon -- <commande> [options]\n\nCommandes :\n${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(name ? `Commande inconnue : ${name}\n\n${usage()}` : usage());
    process.exit(name ? 2 : 0);
  }
  const options = parseOptions(args);
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  const { connection, embedded } = await resolveDatabase(config, __dirname);
  const app = await NestFactory.createApplicationContext(AppModule.register({ config, connection }), { logger: ['error', 'warn'] });
  try {
    await command.run(app, options);
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
