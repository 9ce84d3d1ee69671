using MediaEvents.Generators.Diagnostics;
using Newtonsoft.Json.Linq;

namespace MediaEvents.Generators.Parsing;

/// <summary>
/// Decides whether the document is a swagger 2.0 spec at all: the one check whose failure leaves nothing to
/// generate. A document with a <c>definitions</c> object and no OpenAPI 3 parts is read as swagger 2.0 whatever
/// its <c>swagger</c> member says (upstream has a file that says "3.0"), with a warning.
/// </summary>
internal static class SwaggerShape
{
    /// <summary>The root's <c>definitions</c> object, or null after reporting MEG0002.</summary>
    public static JObject? Check(ParseContext context)
    {
        JObject root = context.Document.Root;
        JToken? version = root["swagger"];
        bool isSwagger2 = version is { Type: JTokenType.String } && version.Value<string>() == "2.0";
        string versionProblem = version is null ? "it has no \"swagger\" member" : $"\"swagger\" is {version.ToString(Newtonsoft.Json.Formatting.None)}";
        JToken? openApi = root["openapi"] ?? root["components"];
        if (openApi is not null && !isSwagger2)
        {
            context.Report(DiagnosticDescriptors.NotSwagger2, openApi, context.Path, $"it is an OpenAPI 3 document ({versionProblem}, and it has an \"{((JProperty)openApi.Parent!).Name}\" member); use the swagger 2.0 file of the events");
            return null;
        }

        if (root["definitions"] is not JObject definitions)
        {
            string problem = isSwagger2 ? string.Empty : $"expected \"swagger\": \"2.0\" at the root, but {versionProblem}; and ";
            context.Report(DiagnosticDescriptors.NotSwagger2, root["definitions"] ?? version, context.Path, problem + "expected a \"definitions\" object at the root holding the event data schemas");
            return null;
        }

        if (!isSwagger2)
        {
            context.Report(
                DiagnosticDescriptors.SpecMistake,
                version ?? root,
                $"expected \"swagger\": \"2.0\" at the root, but {versionProblem}",
                "the document is swagger 2.0 in every other way (a \"definitions\" object, no \"openapi\" or \"components\"), so it is read as swagger 2.0");
        }

        return definitions;
    }
}
