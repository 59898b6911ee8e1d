package org.concurrencylab.worker;

import org.concurrencylab.core.model.ConcurrencyModel;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.PooledModels;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The engine finds the process pool through `ServiceLoader`, without knowing this package.
class ProcessPoolsTest {

    @Test
    void the_process_pool_is_found_as_a_service_and_makes_process_pool_models() {
        List<PooledModels> found = ServiceLoader.load(PooledModels.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(found).hasSize(1).first().isInstanceOf(ProcessPools.class);

        try (PooledModels pools = found.getFirst()) {
            assertThat(pools.kind()).isEqualTo(ModelKind.PROCESSES);
            ConcurrencyModel model = pools.create(3, false);
            assertThat(model).isInstanceOf(ProcessPoolModel.class);
            assertThat(model.kind()).isEqualTo(ModelKind.PROCESSES);
            assertThat(model.workers()).isEqualTo(3);
            pools.close();
            assertThatThrownBy(() -> pools.create(1, true)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void with_class_folders_on_the_class_path_there_is_no_aot_cache_to_prepare() throws Exception {
        try (PooledModels pools = new ProcessPools()) {
            assertThat(pools.prepareStartUp(Duration.ofSeconds(30))).isFalse();
        }
    }
}
