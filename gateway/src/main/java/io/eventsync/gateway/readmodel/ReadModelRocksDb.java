package io.eventsync.gateway.readmodel;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;

/**
 * The read model's RocksDB settings. LZ4 compression, since the store holds OPR JSON (which compresses
 * several times over) and is sized in millions of events. Memory bounded and known, since it is off the
 * heap and beside it in the same pod: a 32 MiB block cache that also holds the indexes and filters, and
 * two 16 MiB write buffers (Kafka Streams' defaults are 50 MiB of cache with indexes outside it, and three
 * buffers). Instantiated by Kafka Streams by name ({@code rocksdb.config.setter}), hence public.
 */
public final class ReadModelRocksDb implements RocksDBConfigSetter {

    private static final long BLOCK_CACHE_BYTES = 32L << 20;
    private static final long WRITE_BUFFER_BYTES = 16L << 20;

    private Cache cache;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        options.setCompressionType(CompressionType.LZ4_COMPRESSION);
        options.setWriteBufferSize(WRITE_BUFFER_BYTES);
        options.setMaxWriteBufferNumber(2);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        cache = new LRUCache(BLOCK_CACHE_BYTES);
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        if (cache != null) {
            cache.close();
        }
    }
}
