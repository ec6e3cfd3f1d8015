// The one door to the handlers: the name must be in the contract, the request must pass its
// validator, and only then does the handler run. Whatever happens, the caller gets plain data.

import { contract, isMethodName } from '../../shared/api/contract';
import { ApiFailure, type ApiErrorDetail, type ApiResponse } from '../../shared/api/errors';
import type { HandlerContext } from './context';
import { handlers } from './handlers';

export type Dispatch = (name: string, request: unknown) => Promise<ApiResponse<unknown>>;


function issuesToDetails(issues: { path: PropertyKey[]; message: string }[]): ApiErrorDetail[] {
  return issues.map((issue) => ({
    where: issue.path.length ? issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${String(p)}` : String(p))).join('') : 'запрос',
    message: issue.message,
  }));
}

export function createDispatch(context: HandlerContext, log: (error: unknown) => void = console.error): Dispatch {
  return async (name, request) => {
    if (!isMethodName(name)) {
      return { ok: false, error: { code: 'unknownMethod', message: `Неизвестная операция «${String(name).slice(0, 100)}»` } };
    }
    const parsed = contract[name].request.safeParse(request ?? {});
    if (!parsed.success) {
      const details = issuesToDetails(parsed.error.issues);
      return {
        ok: false,
        error: { code: 'invalidRequest', message: `Неверный запрос «${name}»: ${details.map((d) => `${d.where}: ${d.message}`).join('; ')}`, details },
      };
    }
    try {
      const handler = handlers[name] as (ctx: HandlerContext, request: unknown) => unknown;
      const result = await handler(context, parsed.data);
      return { ok: true, result };
    } catch (error) {
      if (error instanceof ApiFailure) return { ok: false, error: error.toApiError() };
      log(error);
      return {
        ok: false,
        error: { code: 'internal', message: 'Внутренняя ошибка: операция не выполнена, данные не изменены. Подробности записаны в журнал.' },
      };
    }
  };
}
