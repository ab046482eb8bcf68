import { INestApplicationContext } from '@nestjs/common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@sillon/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors } from '../../common/validation-errors';
import { CreateUserDto } from './dto/create-user.dto';
import { UsersService } from './users.service';

export class CommandError extends Error {}

export interface CreateAdminIo {
  env: NodeJS.ProcessEnv;
  readStdin(): Promise<string>;
  write(line: string): void;
}

// `npm run sillon -- create-admin --email x@y.fr [--name "…"]`: the first account of an empty database.
// The password comes from SILLON_ADMIN_PASSWORD or standard input, never from argv (it would show in `ps`
// and in the shell history).
export async function createAdmin(app: INestApplicationContext, options: Record<string, string>, io: CreateAdminIo): Promise<string> {
  const email = options['email'];
  if (!email || email === 'true') throw new CommandError("L'option --email est obligatoire : npm run sillon -- create-admin --email prenom.nom@exemple.gouv.fr");
  if (options['password']) throw new CommandError('Le mot de passe ne se passe pas en argument : utilisez SILLON_ADMIN_PASSWORD ou l’entrée standard.');
  const password = io.env['SILLON_ADMIN_PASSWORD'] ?? firstLine(await io.readStdin());
  const dto = plainToInstance(CreateUserDto, {
    email,
    displayName: options['name'] && options['name'] !== 'true' ? options['name'] : 'Administration',
    role: 'admin',
    password,
  });
  const errors = flattenValidationErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
  if (errors.length > 0) {
    const label: Record<string, string> = { email: '--email', displayName: '--name', password: `mot de passe (${PASSWORD_MIN_LENGTH} à ${PASSWORD_MAX_LENGTH} caractères)` };
    throw new CommandError(errors.map((e) => `${label[e.field] ?? e.field} : ${e.message}`).join('\n'));
  }
  const users = app.get(UsersService);
  if (await users.emailTaken(email)) throw new CommandError(`Un compte existe déjà avec l'adresse ${email}.`);
  const user = await users.create(dto, { principal: null, ip: null });
  io.write(`Compte d'administration créé : ${user.email} (${user.id}).`);
  return user.id;
}

// Piped input ends with a newline that is not part of the password; anything else is kept as typed.
function firstLine(input: string): string {
  return input.replace(/\r?\n[\s\S]*$/, '');
}

export function readAllStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Mot de passe (8 à 128 caractères), puis Entrée : ');
  return new Promise((resolve, reject) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      data += chunk;
      // Interactive: one line is enough.
      if (process.stdin.isTTY && data.includes('\n')) {
        process.stdin.pause();
        resolve(data);
      }
    });
    process.stdin.on('end', () => resolve(data));
    process.stdin.on('error', reject);
  });
}
