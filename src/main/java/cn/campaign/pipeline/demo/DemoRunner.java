package cn.campaign.pipeline.demo;

import cn.campaign.pipeline.PipelinePaths;
import cn.campaign.pipeline.registry.RegistryCommands;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * {@code jobs/demo}: generates a sample registry modelled on the seed report (Bayannur and
 * Tongliao) and runs it through the real referenceJob on the embedded warehouse.
 */
@Component
public class DemoRunner {

    static final long SEED = 20260115L;

    private final RegistryCommands registry;
    private final Path demoDir;

    public DemoRunner(RegistryCommands registry, PipelinePaths paths) {
        this.registry = registry;
        this.demoDir = paths.demoDir();
    }

    public void run(PrintStream out) {
        Path registryDir = demoDir.resolve("registry");
        SampleRegistry.Counts counts;
        try {
            counts = SampleRegistry.write(registryDir, SEED);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the sample registry to " + registryDir, e);
        }
        out.printf("demo: generated a sample registry in %s (%d precincts, %d villages and communities, %d enterprises, %d venues)%n",
                registryDir, counts.precincts(), counts.units(), counts.enterprises(), counts.venues());
        registry.load(registryDir, out);
    }
}
