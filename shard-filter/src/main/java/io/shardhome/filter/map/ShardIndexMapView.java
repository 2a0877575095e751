package io.shardhome.filter.map;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/** Read-only map view; lookups go through the index, iteration walks the slots. */
final class ShardIndexMapView extends AbstractMap<String, ShardDefinition> {
    private final ShardIndex index;
    private final Set<Entry<String, ShardDefinition>> entries = new Entries();

    ShardIndexMapView(ShardIndex index) {
        this.index = index;
    }

    @Override
    public ShardDefinition get(Object key) {
        if (!(key instanceof String id)) {
            return null;
        }
        int slot = index.slotOf(id);
        return slot < 0 ? null : index.at(slot);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return index.size();
    }

    @Override
    public Set<Entry<String, ShardDefinition>> entrySet() {
        return entries;
    }

    private final class Entries extends AbstractSet<Entry<String, ShardDefinition>> {
        @Override
        public Iterator<Entry<String, ShardDefinition>> iterator() {
            return new Slots();
        }

        @Override
        public int size() {
            return index.size();
        }
    }

    private final class Slots implements Iterator<Entry<String, ShardDefinition>> {
        private int slot = advance(0);

        @Override
        public boolean hasNext() {
            return slot < index.capacity();
        }

        @Override
        public Entry<String, ShardDefinition> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ShardDefinition definition = index.at(slot);
            slot = advance(slot + 1);
            return Map.entry(definition.shardId(), definition);
        }

        private int advance(int from) {
            int next = from;
            while (next < index.capacity() && index.at(next) == null) {
                next++;
            }
            return next;
        }
    }
}
