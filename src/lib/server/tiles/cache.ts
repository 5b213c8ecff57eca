/**
 * A byte-bounded LRU of encoded tiles. Keys include the layer's data version, so
 * entries never go stale; old versions simply age out.
 */
export class TileCache {
	private readonly map = new Map<string, Uint8Array>();
	private bytes = 0;
	constructor(private readonly maxBytes: number) {}

	get(key: string): Uint8Array | undefined {
		const v = this.map.get(key);
		if (v) {
			// Re-insert to mark as most recently used.
			this.map.delete(key);
			this.map.set(key, v);
		}
		return v;
	}

	set(key: string, value: Uint8Array): void {
		if (value.byteLength > this.maxBytes) return;
		const old = this.map.get(key);
		if (old) {
			this.bytes -= old.byteLength;
			this.map.delete(key);
		}
		this.map.set(key, value);
		this.bytes += value.byteLength;
		while (this.bytes > this.maxBytes) {
			const oldest = this.map.keys().next().value as string;
			this.bytes -= this.map.get(oldest)!.byteLength;
			this.map.delete(oldest);
		}
	}

	get size(): number {
		return this.map.size;
	}
}
