import type { ChangeLogEntry } from '../../board/log.js';
import type { Post } from '../../board/post.js';
import type { Source } from '../../board/source.js';
import { checkedSources } from './memory-board.js';
import type { PostFilter } from '../../board/query.js';
import type { BoardInfo, BoardReads, Grouping, PostPage, PostQuery, Tally } from '../store.js';
import type { MemoryBoard } from './memory-board.js';

/**
 * The reads of a board held whole in memory (a JSON file once read, a board in memory): each
 * question asked of the MemoryBoard the store keeps, which `memory()` gives.
 */
export abstract class HeldWholeReads implements BoardReads {
  protected abstract memory(): Promise<MemoryBoard>;

  async info(): Promise<BoardInfo> {
    return (await this.memory()).info();
  }

  async page(query: PostQuery): Promise<PostPage> {
    return (await this.memory()).page(query);
  }

  async get(ids: readonly number[]): Promise<Map<number, Post>> {
    return (await this.memory()).get(ids);
  }

  async *stream(query: Omit<PostQuery, 'offset'>): AsyncIterable<readonly Post[]> {
    yield* (await this.memory()).stream(query);
  }

  async departments(): Promise<string[]> {
    return (await this.memory()).departments();
  }

  async tally(filter: PostFilter, by: Grouping): Promise<Tally[]> {
    return (await this.memory()).tally(filter, by);
  }

  async withSource(url: string): Promise<Post | undefined> {
    return (await this.memory()).withSource(url);
  }

  async log(limit: number): Promise<ChangeLogEntry[]> {
    return (await this.memory()).log(limit);
  }

  async sources(): Promise<Source[]> {
    return checkedSources((await this.memory()).board.sources).map((source) => ({ ...source }));
  }
}
