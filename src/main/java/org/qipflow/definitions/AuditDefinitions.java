package org.qipflow.definitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.qipflow.common.Choice;
import org.qipflow.common.NotFoundException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Every audit definition under {@code forms/}, loaded and checked when the application starts: a
 * bad file stops the start with the file, element and reason, rather than failing a lead later.
 */
@Service
public class AuditDefinitions {

    private final Map<String, List<AuditDefinition>> byId = new TreeMap<>();

    AuditDefinitions() {
        this(load("classpath*:forms/*.json"));
    }

    AuditDefinitions(List<AuditDefinition> definitions) {
        for (AuditDefinition definition : definitions) {
            byId.computeIfAbsent(definition.id(), id -> new ArrayList<>()).add(definition);
        }
        byId.values().forEach(versions -> versions.sort(Comparator.comparingInt(AuditDefinition::version)));
    }

    /** The latest version of every definition. */
    public List<AuditDefinition> all() {
        return byId.values().stream().map(versions -> versions.get(versions.size() - 1)).toList();
    }

    /** The latest version of every definition as a choice on a form, by title, with its id, version and standards. */
    public List<Choice> choices() {
        return all().stream().sorted(Comparator.comparing(AuditDefinition::title))
                .map(d -> Choice.of(d.id(), d.title(),
                        d.id() + ", version " + d.version() + " · " + d.standards().size() + " standards"))
                .toList();
    }

    /** The latest version of the definition with this id. */
    public AuditDefinition get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("No audit definition has the id " + id));
    }

    /** A given version, as a cycle scheduled with it keeps using it. */
    public AuditDefinition get(String id, int version) {
        return byId.getOrDefault(id, List.of()).stream().filter(d -> d.version() == version).findFirst()
                .orElseThrow(() -> new NotFoundException("No version " + version + " of audit definition " + id
                        + " is installed; keep every version's file under forms/ while cycles use it"));
    }

    public Optional<AuditDefinition> find(String id) {
        List<AuditDefinition> versions = byId.get(id);
        return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    static List<AuditDefinition> load(String pattern) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(pattern);
            return Arrays.stream(files).map(file -> {
                try (InputStream in = file.getInputStream()) {
                    return DefinitionReader.read("forms/" + file.getFilename(), in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + pattern, e);
        }
    }
}
