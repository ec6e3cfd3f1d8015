import type { MethodName, ResponseOf, ValidRequestOf } from '../../../shared/api/contract';
import type { HandlerContext } from '../context';

export type Handler<Name extends MethodName> = (
  context: HandlerContext,
  request: ValidRequestOf<Name>,
) => ResponseOf<Name> | Promise<ResponseOf<Name>>;

export type HandlerTable<Names extends MethodName> = { [Name in Names]: Handler<Name> };
