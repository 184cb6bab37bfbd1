import type { Context } from 'fabric-contract-api';
import {
  FakeClientIdentity,
  MemoryChaincodeStub,
  type StubContext,
  type StubIterator,
} from '../../testing/stub-context';

type Entry = Readonly<{ key: string; value: Uint8Array }>;
type PagedIterator = Readonly<{
  iterator: StubIterator;
  metadata: Readonly<{ fetchedRecordsCount: number; bookmark: string }>;
}>;

/**
 * The memory stub plus the paginated range query of read-only transactions, as the peer answers it: a non-empty
 * bookmark is the inclusive start key, and the bookmark returned is the key after the page ('' when none follows).
 */
export class PagingChaincodeStub extends MemoryChaincodeStub {
  readonly pageSizes: number[] = [];

  async getStateByPartialCompositeKeyWithPagination(
    objectType: string,
    attributes: string[],
    pageSize: number,
    bookmark = '',
  ): Promise<PagedIterator> {
    this.pageSizes.push(pageSize);
    const start = bookmark === '' ? this.createCompositeKey(objectType, attributes) : bookmark;
    const all = await this.getStateByPartialCompositeKey(objectType, attributes);
    const page: Entry[] = [];
    let next = '';
    for (let entry = await all.next(); !entry.done; entry = await all.next()) {
      if (entry.value.key < start) {
        continue;
      }
      if (page.length === pageSize) {
        next = entry.value.key;
        break;
      }
      page.push({ key: entry.value.key, value: entry.value.value });
    }
    await all.close();
    return {
      iterator: iteratorOver(page, this),
      metadata: { fetchedRecordsCount: page.length, bookmark: next },
    };
  }
}

function iteratorOver(entries: readonly Entry[], stub: MemoryChaincodeStub): StubIterator {
  let index = 0;
  stub.openIterators += 1;
  return {
    next: () => {
      const entry = entries[index++];
      return Promise.resolve(
        entry === undefined
          ? { value: undefined, done: true }
          : { value: { namespace: 'metrochain', ...entry }, done: false },
      );
    },
    close: () => {
      stub.openIterators -= 1;
      return Promise.resolve();
    },
  };
}

/** A read-only transaction over `state` by a caller without any role. */
export function newPagingContext(
  state: Map<string, Uint8Array>,
): StubContext & { stub: PagingChaincodeStub } {
  const stub = new PagingChaincodeStub({ state, txId: 'tx-query', seconds: 1_767_225_600, nanos: 0 });
  // The contract code only touches the members the stub implements.
  const ctx = { stub, clientIdentity: new FakeClientIdentity('PTBMSP', {}) } as unknown as Context;
  return { ctx, stub };
}
