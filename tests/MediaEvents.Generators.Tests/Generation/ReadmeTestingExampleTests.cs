using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using MediaEvents.Generators.Tests.Documentation;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MediaEvents.Generators.Tests.Generation;

/// <summary>
/// The README's "Testing your handlers" example, run as written: the snippet tests compile its C# block against the
/// code generated from our spec; here every <c>[Fact]</c> of it runs, and must pass.
/// </summary>
public sealed class ReadmeTestingExampleTests
{
    [Fact]
    public void The_readme_examples_tests_pass()
    {
        Snippet example = Assert.Single(DocumentationSet.Snippets, static snippet => snippet.Block.File == "README.md" && snippet.Block.Section == "Testing your handlers");
        CSharpCompilation compilation = SnippetEnvironment.Shared.Compile(example);
        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success, string.Join(Environment.NewLine, compilation.GetDiagnostics().Select(DocumentationSet.Format)));

        // The generated code and the example in a context of their own; the runtime and xunit are the tests' own.
        var context = new AssemblyLoadContext("README testing example", isCollectible: true);
        try
        {
            context.LoadFromStream(new MemoryStream(SnippetEnvironment.Shared.GeneratedImage));
            image.Position = 0;
            MethodInfo[] facts = context.LoadFromStream(image).GetTypes()
                .SelectMany(static type => type.GetMethods())
                .Where(static method => method.GetCustomAttribute<FactAttribute>() is not null)
                .ToArray();

            Assert.Equal(3, facts.Length);
            foreach (MethodInfo fact in facts)
            {
                try
                {
                    fact.Invoke(Activator.CreateInstance(fact.DeclaringType!), null);
                }
                catch (TargetInvocationException exception)
                {
                    Assert.Fail($"{fact.DeclaringType!.Name}.{fact.Name} failed: {exception.InnerException}");
                }
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
