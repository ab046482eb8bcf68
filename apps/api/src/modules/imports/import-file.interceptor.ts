import { CallHandler, ExecutionContext, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { IMPORT_MAX_BYTES } from '@sillon/contracts';
import { Observable } from 'rxjs';
import { RequestValidationException } from '../../common/validation-errors';

const MultipartFile = FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, fieldSize: 64 * 1024 } });

// The uploaded file in memory (multer), at most 10 Mo; past it a 400 naming `file`, in French.
@Injectable()
export class ImportFileInterceptor extends MultipartFile {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) {
        throw new RequestValidationException([
          { field: 'file', code: 'fileTooLarge', message: `Le fichier dépasse ${IMPORT_MAX_BYTES / 1024 / 1024} Mo : découpez-le en plusieurs fichiers.` },
        ]);
      }
      throw error;
    }
  }
}
