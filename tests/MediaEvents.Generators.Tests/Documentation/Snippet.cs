using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MediaEvents.Generators.Tests.Documentation;

/// <summary>What a C# block of the documentation is, read from its code.</summary>
public enum SnippetKind
{
    /// <summary>Top-level statements or a <c>static Main</c>: compiled as a console program, and run.</summary>
    Program,

    /// <summary>Types only (classes, records, …, with their usings): compiled as a library.</summary>
    Types,

    /// <summary>Members without a type (methods, properties, fields): compiled inside a class.</summary>
    Members,
}

/// <summary>
/// A C# block of the documentation, with its kind and what its <c>&lt;!-- snippet: … --&gt;</c> marker asks:
/// <list type="bullet">
/// <item><c>compile-only, REASON</c>: a program that is compiled but not run (it serves HTTP, or needs input that
/// is not bundled).</item>
/// <item><c>web</c>: a block of an ASP.NET Core project (<c>Microsoft.NET.Sdk.Web</c>'s implicit usings); compiled,
/// not run. A program that uses ASP.NET Core is not run either, marked or not: it serves HTTP.</item>
/// <item><c>with previous</c>: compiled together with the file's previous C# block (and what that one is compiled with).</item>
/// <item><c>fails CSNNNN</c>: shows a compile error on purpose; compiled, and must fail with that error and no other.</item>
/// </list>
/// Directives are separated by <c>;</c>. Without a marker a block compiles on its own and, if a program, is run.
/// </summary>
internal sealed class Snippet
{
    private Snippet(CodeBlock block, SnippetKind kind, IReadOnlyList<CodeBlock> previous, string key)
    {
        Block = block;
        Kind = kind;
        Previous = previous;
        Key = key;
    }

    /// <summary>The block.</summary>
    public CodeBlock Block { get; }

    /// <summary>What the block is.</summary>
    public SnippetKind Kind { get; }

    /// <summary>The blocks compiled with this one (<c>with previous</c>), earliest first.</summary>
    public IReadOnlyList<CodeBlock> Previous { get; }

    /// <summary><c>file › section</c>, with <c> #n</c> for the n-th C# block of a section: stable under edits elsewhere.</summary>
    public string Key { get; }

    /// <summary><c>file:line</c> of the opening fence.</summary>
    public string Id => Block.Id;

    /// <summary>The marker asks for no run.</summary>
    public bool CompileOnly { get; private init; }

    /// <summary>The marker names an ASP.NET Core program.</summary>
    public bool Web { get; private init; }

    /// <summary>The one compile error the marker expects, or null.</summary>
    public string? ExpectedError { get; private init; }

    /// <summary>
    /// A program that is run, unless it turns out to use ASP.NET Core: not compile-only, not web, not a compile error
    /// on purpose.
    /// </summary>
    public bool Runs => Kind == SnippetKind.Program && !CompileOnly && !Web && ExpectedError is null;

    /// <summary>The C# snippets of one document, or the problems that keep one from being read.</summary>
    public static IReadOnlyList<Snippet> FromDocument(MarkdownDocument document, List<string> problems)
    {
        var snippets = new List<Snippet>();
        var sectionCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        CodeBlock[] blocks = document.Blocks.Where(static block => block.IsCSharp).ToArray();
        for (int index = 0; index < blocks.Length; index++)
        {
            CodeBlock block = blocks[index];
            int count = sectionCounts[block.Section] = sectionCounts.GetValueOrDefault(block.Section) + 1;
            string key = $"{block.File} › {block.Section}" + (count > 1 ? $" #{count}" : string.Empty);

            bool compileOnly = false, web = false, withPrevious = false;
            string? expectedError = null;
            foreach (string directive in (block.Marker ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string[] words = directive.Split(new[] { ' ', ',' }, StringSplitOptions.RemoveEmptyEntries);
                switch (words[0])
                {
                    case "compile-only":
                        compileOnly = true;
                        break;
                    case "web":
                        web = true;
                        break;
                    case "with" when words.Length == 2 && words[1] == "previous":
                        withPrevious = true;
                        break;
                    case "fails" when words.Length == 2 && words[1].StartsWith("CS", StringComparison.Ordinal):
                        expectedError = words[1];
                        break;
                    default:
                        problems.Add($"{block.Id}: unknown snippet directive '{directive}' (known: compile-only, web, with previous, fails CSNNNN).");
                        break;
                }
            }

            var previous = new List<CodeBlock>();
            if (withPrevious)
            {
                if (index == 0)
                {
                    problems.Add($"{block.Id}: 'with previous' on the file's first C# block.");
                }
                else
                {
                    Snippet earlier = snippets[^1];
                    previous.AddRange(earlier.Previous);
                    previous.Add(earlier.Block);
                }
            }

            snippets.Add(new Snippet(block, Classify(block.Code), previous, key)
            {
                CompileOnly = compileOnly,
                Web = web,
                ExpectedError = expectedError,
            });
        }

        return snippets;
    }

    /// <summary>
    /// The kind of <paramref name="code"/>, from the parse of a file with top-level statements: a statement (a local
    /// function too) or a <c>static Main</c> makes a program; a member outside a type (a method or field with an
    /// accessibility or <c>override</c>, which the parser reads as a statement; a property) makes a members block;
    /// otherwise the block is types.
    /// </summary>
    public static SnippetKind Classify(string code)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
        if (root.Members.Any(static member => member is GlobalStatementSyntax statement && !IsMember(statement.Statement))
            || root.DescendantNodes().OfType<MethodDeclarationSyntax>().Any(static method =>
                method.Identifier.ValueText == "Main" && method.Modifiers.Any(SyntaxKind.StaticKeyword) && method.Parent is TypeDeclarationSyntax))
        {
            return SnippetKind.Program;
        }

        return root.Members.All(static member => member is BaseNamespaceDeclarationSyntax or BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
            ? SnippetKind.Types
            : SnippetKind.Members;
    }

    // A method or field outside a type parses as a local function or variable with modifiers no local may have.
    private static bool IsMember(StatementSyntax statement)
    {
        SyntaxTokenList modifiers = statement switch
        {
            LocalFunctionStatementSyntax function => function.Modifiers,
            LocalDeclarationStatementSyntax declaration => declaration.Modifiers,
            _ => default,
        };
        return modifiers.Any(static modifier => modifier.Kind() is SyntaxKind.PublicKeyword or SyntaxKind.PrivateKeyword
            or SyntaxKind.ProtectedKeyword or SyntaxKind.InternalKeyword or SyntaxKind.OverrideKeyword or SyntaxKind.VirtualKeyword
            or SyntaxKind.AbstractKeyword or SyntaxKind.SealedKeyword or SyntaxKind.NewKeyword or SyntaxKind.ReadOnlyKeyword);
    }

    public override string ToString() => Id;
}
