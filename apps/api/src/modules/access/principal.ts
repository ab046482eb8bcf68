import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '@sillon/contracts';

// Who is calling, as the session guard resolved it. Every access decision starts here.
export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  // Set for project_lead and lab_manager.
  labId: string | null;
  // Set for every role but admin: a lab role's region is its lab's.
  regionId: string | null;
}

export interface RequestWithPrincipal {
  principal?: Principal;
  ip?: string;
}

// The signed-in caller; routes marked @Public() get undefined.
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal | undefined => {
  return context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
});
