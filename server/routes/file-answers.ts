import type { FastifyReply } from 'fastify';
import { MAX_FILE_BYTES, type PutOutcome } from '../files/upload';
import { sendProblem } from '../http/problem';

/** The HTTP answer of a PUT /files/{sha256} outcome (FileStatus body or ApiProblem). */
export function answerPut(reply: FastifyReply, sha256: string, outcome: PutOutcome): FastifyReply {
  switch (outcome.kind) {
    case 'complete':
      return reply.code(outcome.created ? 201 : 200).send({ sha256, size: outcome.size, complete: true });
    case 'partial':
      reply.header('upload-offset', String(outcome.offset));
      return reply.code(202).send({ sha256, size: outcome.offset, complete: false });
    case 'offset-mismatch':
      reply.header('upload-offset', String(outcome.offset));
      return sendProblem(
        reply,
        409,
        'OFFSET_MISMATCH',
        `Загрузку можно продолжить не дальше байта ${outcome.offset} (заголовок Upload-Offset)`,
      );
    case 'length-mismatch':
      return sendProblem(
        reply,
        400,
        'LENGTH_MISMATCH',
        `Байты файла доходят до ${outcome.end}, а Upload-Length равен ${outcome.length}`,
      );
    case 'too-large':
      return sendProblem(reply, 413, 'FILE_TOO_LARGE', `Файл больше 15 МБ (${MAX_FILE_BYTES} байт)`);
    case 'sha-mismatch':
      return sendProblem(
        reply,
        422,
        'SHA256_MISMATCH',
        'Содержимое файла не совпадает с его sha256; частично загруженные байты удалены, загрузите файл заново',
      );
  }
}
