using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Basic.Reference.Assemblies;
using MediaEvents.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace MediaEvents.Generators.Tests.Documentation;

/// <summary>The libraries a document's snippets may use beyond .NET, the runtime and the generated code.</summary>
[Flags]
internal enum SnippetLibraries
{
    /// <summary>MediaEvents.Runtime and the generated code only: what the Generators and Runtime pages install.</summary>
    None = 0,

    /// <summary>MediaEvents.Runtime.Azure and Azure.Messaging.EventGrid.</summary>
    Azure = 1,

    /// <summary>ASP.NET Core's shared framework.</summary>
    AspNetCore = 2,

    /// <summary>xunit, for snippets that test handlers.</summary>
    Xunit = 4,

    /// <summary>MediaEvents.Tracking.</summary>
    Tracking = 8,

    /// <summary>MediaEvents.Tracking.AzureTables and Azure.Data.Tables (with <see cref="Tracking"/>, which it extends).</summary>
    TrackingAzureTables = 16,
}

/// <summary>
/// What a consumer's project gives the documentation's snippets, shared by every case: the SDK's reference
/// assemblies, MediaEvents.Runtime (and the libraries a page installs), and the code the generator emits for the
/// Media spec (namespace <c>MediaEvents</c>) and, where the upstream Storage spec is at hand, for it as the README's
/// Storage section configures it (namespace <c>Contoso.Storage</c>). The generated code is compiled once into a
/// library that each snippet references.
/// </summary>
internal sealed class SnippetEnvironment
{
    /// <summary>The namespace the README's Storage section gives the Storage spec.</summary>
    public const string StorageNamespace = "Contoso.Storage";

    /// <summary>The name of the library that holds the generated code.</summary>
    public const string GeneratedAssemblyName = "DocConsumer.Generated";

    /// <summary>The implicit usings of a console project (<c>Microsoft.NET.Sdk</c>).</summary>
    public static readonly string[] ConsoleUsings =
        { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" };

    /// <summary>What <c>Microsoft.NET.Sdk.Web</c> adds to <see cref="ConsoleUsings"/>.</summary>
    public static readonly string[] WebUsings =
    {
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    };

    // What the SDK's NoWarn holds by default: libraries built against an older .NET unify with this one.
    private static readonly Dictionary<string, ReportDiagnostic> s_sdkNoWarn = new()
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    };

    private static readonly Lazy<SnippetEnvironment> s_shared = new(Create);

    private readonly ImmutableArray<MetadataReference> _framework;
    private readonly ImmutableArray<MetadataReference> _aspNetCore;
    private readonly ImmutableArray<string> _azureFiles;
    private readonly ImmutableArray<string> _xunitFiles;
    private readonly ImmutableArray<string> _tableFiles;

    private SnippetEnvironment(
        ImmutableArray<MetadataReference> framework,
        ImmutableArray<MetadataReference> aspNetCore,
        ImmutableArray<string> azureFiles,
        ImmutableArray<string> xunitFiles,
        ImmutableArray<string> tableFiles,
        byte[] generatedImage,
        bool hasStorage)
    {
        _framework = framework;
        _aspNetCore = aspNetCore;
        _azureFiles = azureFiles;
        _xunitFiles = xunitFiles;
        _tableFiles = tableFiles;
        GeneratedImage = generatedImage;
        HasStorage = hasStorage;
    }

    /// <summary>The one environment of the test run.</summary>
    public static SnippetEnvironment Shared => s_shared.Value;

    /// <summary>The upstream Storage spec in the shared checkout; absent outside the full workspace.</summary>
    public static string StorageSpecPath => Path.Combine(RepositoryPaths.SharedDirectory, "specs", "Microsoft.Storage.json");

    /// <summary>The compiled generated code.</summary>
    public byte[] GeneratedImage { get; }

    /// <summary>Whether the Storage spec's code is in <see cref="GeneratedImage"/>.</summary>
    public bool HasStorage { get; }

    /// <summary>
    /// The libraries a document's snippets get: a package page's, what that page installs (so a consumer written from
    /// the page alone compiles); the README's and the samples', everything a reader may have.
    /// </summary>
    public static SnippetLibraries LibrariesFor(string file) => file switch
    {
        "packaging/MediaEvents.Runtime.Azure.md" => SnippetLibraries.Azure,
        "packaging/MediaEvents.Tracking.md" => SnippetLibraries.Tracking,
        "packaging/MediaEvents.Tracking.AzureTables.md" => SnippetLibraries.Tracking | SnippetLibraries.TrackingAzureTables,
        _ when file.StartsWith("packaging/", StringComparison.Ordinal) => SnippetLibraries.None,
        _ => SnippetLibraries.Azure | SnippetLibraries.AspNetCore | SnippetLibraries.Xunit | SnippetLibraries.Tracking | SnippetLibraries.TrackingAzureTables,
    };

    /// <summary>The files (outside .NET) a program compiled with <paramref name="libraries"/> loads when it runs.</summary>
    public IEnumerable<string> RuntimeFiles(SnippetLibraries libraries) =>
        new[] { typeof(MediaEvent).Assembly.Location }
            .Concat(libraries.HasFlag(SnippetLibraries.Azure) ? _azureFiles : ImmutableArray<string>.Empty)
            .Concat(libraries.HasFlag(SnippetLibraries.Xunit) ? _xunitFiles : ImmutableArray<string>.Empty)
            .Concat(libraries.HasFlag(SnippetLibraries.Tracking) ? new[] { typeof(MediaEvents.Tracking.MediaStateTracker).Assembly.Location } : [])
            .Concat(libraries.HasFlag(SnippetLibraries.TrackingAzureTables) ? _tableFiles : ImmutableArray<string>.Empty)
            .Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Compiles <paramref name="snippet"/> (with the blocks it continues) as its kind asks: a program as a console
    /// application, types and members as a library, members inside <c>partial class Snippet</c>. <c>#line</c>
    /// directives map every diagnostic to its Markdown file and line.
    /// </summary>
    public CSharpCompilation Compile(Snippet snippet)
    {
        SnippetLibraries libraries = LibrariesFor(snippet.Block.File);
        var trees = new List<SyntaxTree>
        {
            Parse(string.Concat((snippet.Web ? ConsoleUsings.Concat(WebUsings) : ConsoleUsings).Select(static name => $"global using {name};\n")), "GlobalUsings.g.cs"),
        };
        var blocks = snippet.Previous.Append(snippet.Block).ToList();
        bool program = false;
        foreach (CodeBlock block in blocks)
        {
            SnippetKind kind = Snippet.Classify(block.Code);
            program |= kind == SnippetKind.Program;
            trees.Add(Parse(Wrap(block, kind), block.Id));
        }

        return CreateCompilation(trees, libraries, program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary);
    }

    /// <summary>A compilation of <paramref name="trees"/> in this environment, with <paramref name="libraries"/>.</summary>
    public CSharpCompilation CreateCompilation(IEnumerable<SyntaxTree> trees, SnippetLibraries libraries, OutputKind outputKind)
    {
        IEnumerable<MetadataReference> references = _framework
            .Append(MetadataReference.CreateFromImage(GeneratedImage, filePath: GeneratedAssemblyName + ".dll"))
            .Concat(RuntimeFiles(libraries).Select(static file => MetadataReference.CreateFromFile(file)))
            .Concat(libraries.HasFlag(SnippetLibraries.AspNetCore) ? _aspNetCore : ImmutableArray<MetadataReference>.Empty);

        return CSharpCompilation.Create(
            "Snippet",
            trees,
            references,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999)
                .WithSpecificDiagnosticOptions(s_sdkNoWarn));
    }

    /// <summary>Whether <paramref name="compilation"/> uses ASP.NET Core: a program that serves HTTP, compiled but not run.</summary>
    public bool UsesAspNetCore(Compilation compilation) =>
        compilation.GetUsedAssemblyReferences().Any(reference => _aspNetCore.Contains(reference));

    /// <summary>The block's text as a source file: a members block inside a class, and mapped to its Markdown lines.</summary>
    public static string Wrap(CodeBlock block, SnippetKind kind)
    {
        string path = block.File.Replace("\"", "\\\"", StringComparison.Ordinal);
        if (kind != SnippetKind.Members)
        {
            return $"#line {block.FirstCodeLine} \"{path}\"\n{block.Code}";
        }

        // The block's usings stay at the top of the file; the members go inside the class.
        var root = (Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax)CSharpSyntaxTree.ParseText(block.Code).GetRoot();
        int usingLines = root.Usings.Count == 0 ? 0 : root.Usings.Last().GetLocation().GetLineSpan().EndLinePosition.Line + 1;
        string[] lines = block.Code.Split('\n');
        return $"#line {block.FirstCodeLine} \"{path}\"\n{string.Join("\n", lines[..usingLines])}\n" +
            "#line hidden\ninternal partial class Snippet\n{\n" +
            $"#line {block.FirstCodeLine + usingLines} \"{path}\"\n{string.Join("\n", lines[usingLines..])}\n" +
            "#line hidden\n}\n";
    }

    /// <summary>Parses <paramref name="text"/> as C# of the latest version.</summary>
    public static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path);

    private static SnippetEnvironment Create()
    {
        ImmutableArray<MetadataReference> framework = ReferencePack("Microsoft.NETCore.App.Ref") is { IsDefaultOrEmpty: false } pack
            ? pack
            : Net80.References.All.ToImmutableArray<MetadataReference>();
        ImmutableArray<MetadataReference> aspNetCore = ReferencePack("Microsoft.AspNetCore.App.Ref");
        bool hasStorage = File.Exists(StorageSpecPath);
        return new SnippetEnvironment(
            framework,
            aspNetCore.IsDefault ? ImmutableArray<MetadataReference>.Empty : aspNetCore,
            WithDependencies(typeof(MediaEvents.AzureInterop.AzureEventInterop).Assembly.Location),
            WithDependencies(typeof(Xunit.Assert).Assembly.Location, typeof(Xunit.FactAttribute).Assembly.Location),
            WithDependencies(typeof(MediaEvents.Tracking.AzureTables.TableMediaStateStore).Assembly.Location),
            Generate(framework, hasStorage),
            hasStorage);
    }

    // The code generated for the specs, as a consumer's build makes it, compiled once.
    private static byte[] Generate(ImmutableArray<MetadataReference> framework, bool hasStorage)
    {
        var specs = new List<AdditionalText> { new InMemoryAdditionalText("/consumer/MediaServices.json", GeneratorHarness.OwnSpecText) };
        var fileOptions = new Dictionary<string, IDictionary<string, string>>();
        if (hasStorage)
        {
            const string path = "/consumer/specs/Storage.json";
            specs.Add(new InMemoryAdditionalText(path, File.ReadAllText(StorageSpecPath)));
            fileOptions[path] = new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.MediaEventsSpec"] = "true",
                ["build_metadata.AdditionalFiles.MediaEventsNamespace"] = StorageNamespace,
            };
        }

        CSharpCompilation consumer = CSharpCompilation.Create(
            GeneratedAssemblyName,
            Array.Empty<SyntaxTree>(),
            framework.Append(MetadataReference.CreateFromFile(typeof(MediaEvent).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorHarness.CreateDriver(specs, fileOptions: fileOptions)
            .RunGeneratorsAndUpdateCompilation(consumer, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);

        using var image = new MemoryStream();
        EmitResult emitted = output.Emit(image);
        Diagnostic[] errors = generatorDiagnostics.Concat(emitted.Diagnostics).Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToArray();
        if (!emitted.Success || errors.Length > 0)
        {
            throw new InvalidOperationException("The generated code the snippets compile against does not build:\n  " + string.Join("\n  ", errors.Take(20)));
        }

        return image.ToArray();
    }

    // The SDK's reference assemblies of this runtime's major version (the SDK that builds these tests has them).
    private static ImmutableArray<MetadataReference> ReferencePack(string name)
    {
        string dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        string packs = Path.Combine(dotnetRoot, "packs", name);
        if (!Directory.Exists(packs))
        {
            return default;
        }

        string tfm = $"net{Environment.Version.Major}.0";
        string? directory = Directory.GetDirectories(packs)
            .Select(static version => (Path: version, Version: Version.TryParse(Path.GetFileName(version).Split('-')[0], out Version? parsed) ? parsed : null))
            .Where(candidate => candidate.Version?.Major == Environment.Version.Major && Directory.Exists(Path.Combine(candidate.Path, "ref", tfm)))
            .OrderByDescending(static candidate => candidate.Version)
            .Select(candidate => Path.Combine(candidate.Path, "ref", tfm))
            .FirstOrDefault();
        return directory is null
            ? default
            : Directory.GetFiles(directory, "*.dll").Order(StringComparer.Ordinal).Select(static file => (MetadataReference)MetadataReference.CreateFromFile(file)).ToImmutableArray();
    }

    // The assemblies and every assembly they reference that sits beside these tests (not .NET's own).
    private static ImmutableArray<string> WithDependencies(params string[] roots)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots);
        while (pending.TryPop(out string? file))
        {
            if (!found.Add(file))
            {
                continue;
            }

            using var reader = new PEReader(File.OpenRead(file));
            MetadataReader metadata = reader.GetMetadataReader();
            foreach (AssemblyReferenceHandle handle in metadata.AssemblyReferences)
            {
                string candidate = Path.Combine(AppContext.BaseDirectory, metadata.GetString(metadata.GetAssemblyReference(handle).Name) + ".dll");
                if (File.Exists(candidate))
                {
                    pending.Push(candidate);
                }
            }
        }

        return found.ToImmutableArray();
    }
}
