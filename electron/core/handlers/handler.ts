import type { ChairMethod, ChairOutputs, ChairParsedInput } from '../../../shared/api/chair-contract';
import type { Result } from '../../../shared/domain/result';
import type { Core } from '../core';

/** A chair method's implementation: parsed input in, a Result out. */
export type Handler<M extends ChairMethod> = (core: Core, input: ChairParsedInput<M>) => Result<ChairOutputs[M]> | Promise<Result<ChairOutputs[M]>>;

/** The handlers of one area: exactly the methods whose inputs the area's contract module declares. */
export type Handlers<Inputs> = { [M in keyof Inputs & ChairMethod]: Handler<M> };
