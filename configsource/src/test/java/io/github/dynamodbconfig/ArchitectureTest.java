/*
 * Copyright 2026 The DynamoDB Config Source Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.dynamodbconfig;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library's layers, as docs/development.md draws them: each class calls only classes of its own
 * layer or of a layer below, and no classes call each other in a circle.
 */
class ArchitectureTest {

  static final Set<String> CDI =
      Set.of(
          "DynamoDbConfigExtension",
          "DynamoDbConfigBeans",
          "RefreshScopeExtension",
          "RefreshKeysCreator",
          "InjectedKeys",
          "CallCounting",
          "ConfigChangeBridge",
          "OverrideReport",
          "RefreshCallInterceptor",
          "RefreshCallCounted",
          "RefreshScopeContext",
          "RefreshedInstance",
          "RefreshKeys",
          "RefreshScoped");

  static final Set<String> API =
      Set.of("DynamoDbConfigSource", "DynamoDbConfigSourceProvider", "ConfigTable", "TableSealing");

  static final Set<String> CONCERNS =
      Set.of(
          "SourceFactory",
          "SourceParts",
          "SettingsLookup",
          "SettingsParser",
          "RoleResolver",
          "TableLoader",
          "Refresher");

  static final Set<String> PARTS =
      Set.of(
          "InstanceMetadata",
          "ResolutionSteps",
          "RoleMessages",
          "TagApi",
          "Ec2TagApi",
          "TableReader",
          "ItemConverter",
          "AttributeValues",
          "ChangeStampProtocol",
          "ChangeStampStore",
          "SnapshotBackup",
          "SnapshotFile",
          "LoadFailures",
          "RefreshThreads",
          "RefreshSchedule",
          "Reload",
          "ServedSnapshot",
          "ChangeListeners",
          "ListenerDelivery",
          "SealedValue",
          "SealedItems",
          "DataKeys",
          "DataKeyOpener",
          "KmsDataKeys",
          "PlaintextSecrets",
          "LoadSecrets",
          "SecretReferences",
          "SecretReader",
          "SecretsManagerReads",
          "LoadSummary");

  static final Set<String> SHARED =
      Set.of(
          "AwsClients",
          "RequestTimer",
          "DaemonThreads",
          "Deadline",
          "Backoff",
          "FailureStreak",
          "ExceptionCauses",
          "QuarkusPhase",
          "ListenerThreads");

  static final Set<String> VALUES =
      Set.of(
          "Settings",
          "TableTarget",
          "Resolution",
          "Snapshot",
          "ItemLayout",
          "SecretMatcher",
          "ChangeStamp",
          "TableAction",
          "DynamoDbConfigSetting",
          "DynamoDbConfigChanged",
          "DynamoDbConfigListener",
          "DataKey",
          "Keyring",
          "SealedForms",
          "ReferencedSecrets",
          "SecretReference");

  static final Set<String> MESSAGES =
      Set.of(
          "LibraryMessage",
          "MessageText",
          "DynamoDbConfigException",
          "SourceMessages",
          "SettingsMessages",
          "LoadMessages",
          "FailureMessages",
          "StampMessages",
          "RefreshMessages",
          "SnapshotFileMessages",
          "ExtensionMessages",
          "ListenerMessages",
          "SealMessages",
          "SecretMessages");

  private static JavaClasses library;

  @BeforeAll
  static void importLibrary() {
    library =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(LibraryMessage.class.getPackageName());
  }

  @Test
  void everyClass_isInOneLayer() {
    layers().ensureAllClassesAreContainedInArchitecture().check(library);
  }

  @Test
  void calls_goDownTheLayersOnly() {
    layers().check(library);
  }

  @Test
  void noClasses_callEachOtherInACircle() {
    SlicesRuleDefinition.slices()
        .assignedFrom(
            new SliceAssignment() {
              @Override
              public SliceIdentifier getIdentifierOf(JavaClass type) {
                return SliceIdentifier.of(topLevel(type).getSimpleName());
              }

              @Override
              public String getDescription() {
                return "each top-level class with its nested classes";
              }
            })
        .should()
        .beFreeOfCycles()
        .check(library);
  }

  private static com.tngtech.archunit.library.Architectures.LayeredArchitecture layers() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("CDI")
        .definedBy(in(CDI))
        .layer("API")
        .definedBy(in(API))
        .layer("concerns")
        .definedBy(in(CONCERNS))
        .layer("parts")
        .definedBy(in(PARTS))
        .layer("shared")
        .definedBy(in(SHARED))
        .layer("values")
        .definedBy(in(VALUES))
        .layer("messages")
        .definedBy(in(MESSAGES))
        .whereLayer("CDI")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("API")
        .mayOnlyBeAccessedByLayers("CDI")
        .whereLayer("concerns")
        .mayOnlyBeAccessedByLayers("CDI", "API")
        .whereLayer("parts")
        .mayOnlyBeAccessedByLayers("CDI", "API", "concerns")
        .whereLayer("shared")
        .mayOnlyBeAccessedByLayers("CDI", "API", "concerns", "parts")
        .whereLayer("values")
        .mayOnlyBeAccessedByLayers("CDI", "API", "concerns", "parts", "shared")
        .whereLayer("messages")
        .mayOnlyBeAccessedByLayers("CDI", "API", "concerns", "parts", "shared", "values");
  }

  private static DescribedPredicate<JavaClass> in(Set<String> names) {
    return DescribedPredicate.describe(
        "one of " + names, type -> names.contains(topLevel(type).getSimpleName()));
  }

  private static JavaClass topLevel(JavaClass type) {
    JavaClass outer = type;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    return outer;
  }
}
