import type { MessageKeys, Messages, NestedKeyOf, NestedValueOf } from 'next-intl';

/**
 * The message keys of one catalogue namespace (`KeysOf<'actions'>`: `criteria.inUse` …), as the
 * compiler knows them from global.d.ts: for code that names a key before it has a translator.
 */
export type KeysOf<N extends string> = MessageKeys<
  NestedValueOf<Messages, N>,
  NestedKeyOf<NestedValueOf<Messages, N>>
>;
