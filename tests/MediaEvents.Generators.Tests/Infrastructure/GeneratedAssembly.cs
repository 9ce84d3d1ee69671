using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace MediaEvents.Generators.Tests.Infrastructure;

/// <summary>
/// The generator's run on a spec held in memory, as a consumer's build would do it, and the consumer compilation
/// it produced: what tests need to assert a clean build and then to <see cref="Load"/> the code and run it.
/// </summary>
internal sealed class GeneratedAssembly
{
    private GeneratedAssembly(string specPath, GeneratorRunResult result, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        SpecPath = specPath;
        Result = result;
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
    }

    /// <summary>The path the spec was given as an AdditionalFiles item.</summary>
    public string SpecPath { get; }

    /// <summary>The generator's run: its sources and any exception.</summary>
    public GeneratorRunResult Result { get; }

    /// <summary>The consumer's compilation with the generated sources.</summary>
    public Compilation Output { get; }

    /// <summary>The diagnostics the generator reported.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>The generator's diagnostics and the compilation's above Info, as text for an assertion.</summary>
    public IReadOnlyList<string> Problems =>
        GeneratorHarness.Problems(Output, GeneratorDiagnostics).Select(static diagnostic => diagnostic.ToString()).ToList();

    /// <summary>
    /// Runs the generator on <paramref name="specText"/>, given as the AdditionalFiles item
    /// <paramref name="specPath"/> with the item metadata <paramref name="metadata"/> (keys without the
    /// <c>build_metadata.AdditionalFiles.</c> prefix, e.g. <c>MediaEventsSpec</c>), into a consumer compilation
    /// with <paramref name="sources"/> of its own.
    /// </summary>
    public static GeneratedAssembly Generate(string specText, string specPath, IReadOnlyDictionary<string, string>? metadata = null, params string[] sources)
    {
        var fileOptions = new Dictionary<string, IDictionary<string, string>>
        {
            [specPath] = (metadata ?? new Dictionary<string, string>())
                .ToDictionary(static entry => "build_metadata.AdditionalFiles." + entry.Key, static entry => entry.Value),
        };
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(specPath, specText) }, fileOptions: fileOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(sources), out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratedAssembly(specPath, driver.GetRunResult().Results.Single(), output, diagnostics);
    }

    /// <summary>
    /// Emits the compilation and loads it into a collectible context of its own, where the runtime
    /// (<c>MediaEvents.Runtime</c>) resolves to the assembly the tests already use, so that the generated catalogue
    /// is a <see cref="MediaEventCatalog"/> the tests can read with.
    /// </summary>
    /// <exception cref="InvalidOperationException">The compilation does not emit.</exception>
    public LoadedAssembly Load()
    {
        using var image = new MemoryStream();
        EmitResult emitted = Output.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException(
                $"{SpecPath}: the generated code does not emit:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", emitted.Diagnostics.Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)));
        }

        image.Position = 0;
        return new LoadedAssembly(SpecPath, image);
    }
}

/// <summary>A generated assembly, loaded until disposed.</summary>
internal sealed class LoadedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    public LoadedAssembly(string name, Stream image)
    {
        // The default Load (null) falls back to the default context, which already holds MediaEvents.Runtime.
        _context = new AssemblyLoadContext("Generated " + name, isCollectible: true);
        Assembly = _context.LoadFromStream(image);
        CatalogProperty = FindCatalog(name, Assembly);
        Catalog = (MediaEventCatalog)CatalogProperty.GetValue(null)!;
    }

    /// <summary>The generated assembly.</summary>
    public Assembly Assembly { get; }

    /// <summary>The static <c>Catalog</c> property of the generated <c>&lt;Stem&gt;EventTypes</c> class.</summary>
    public PropertyInfo CatalogProperty { get; }

    /// <summary>The generated catalogue.</summary>
    public MediaEventCatalog Catalog { get; }

    /// <summary>A reader of the generated catalogue's event types.</summary>
    public MediaEventReader CreateReader(MediaEventReaderOptions? options = null) => new(Catalog, options);

    /// <summary>The generated type of that full name.</summary>
    /// <exception cref="InvalidOperationException">The assembly has no such type.</exception>
    public Type GetType(string fullName) =>
        Assembly.GetType(fullName)
        ?? throw new InvalidOperationException(
            $"No type '{fullName}' was generated; the types are: {string.Join(", ", Assembly.GetTypes().Select(static type => type.FullName).Order(StringComparer.Ordinal))}");

    /// <inheritdoc />
    public void Dispose() => _context.Unload();

    // The class is MediaEventTypes for MediaServices.json and <Stem>EventTypes for other specs: found by its
    // shape, not its name.
    private static PropertyInfo FindCatalog(string name, Assembly assembly)
    {
        PropertyInfo[] candidates = assembly.GetTypes()
            .Where(static type => type.IsClass && type.IsAbstract && type.IsSealed)
            .Select(static type => type.GetProperty("Catalog", BindingFlags.Public | BindingFlags.Static))
            .OfType<PropertyInfo>()
            .ToArray();
        PropertyInfo[] catalogs = candidates.Where(static property => property.PropertyType == typeof(MediaEventCatalog)).ToArray();
        if (catalogs.Length != 1)
        {
            throw new InvalidOperationException(
                $"{name}: expected one static class with a public static Catalog of type {typeof(MediaEventCatalog).AssemblyQualifiedName}, found " +
                (candidates.Length == 0 ? "none" : string.Join(", ", candidates.Select(static property => $"{property.DeclaringType}.Catalog : {property.PropertyType.AssemblyQualifiedName}"))));
        }

        return catalogs[0];
    }
}
