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
package io.github.dynamodbconfig.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.dynamodbconfig.ConfigTable;
import io.github.dynamodbconfig.DynamoDbConfigException;
import io.github.dynamodbconfig.DynamoDbConfigSetting;
import io.github.dynamodbconfig.TableSealing;
import org.junit.jupiter.api.Test;

/**
 * The tool reaches the library only through {@link ConfigTable} and {@link TableSealing}, the
 * library's interface for tools, with the names of the settings ({@link DynamoDbConfigSetting}) and
 * the library's exception: what the tool shows is what an application gets, and it never builds a
 * source itself.
 */
class LibraryBoundaryTest {

  @Test
  void theTool_usesTheLibraryOnlyThroughConfigTableItsSettingsAndItsException() {
    noClasses()
        .that()
        .resideInAPackage(DynamoDbConfigCli.class.getPackageName())
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAPackage(ConfigTable.class.getPackageName())
                .and(
                    DescribedPredicate.not(
                        JavaClass.Predicates.belongToAnyOf(
                            ConfigTable.class,
                            TableSealing.class,
                            DynamoDbConfigSetting.class,
                            DynamoDbConfigException.class))))
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(
                    DynamoDbConfigCli.class.getPackageName(), ConfigTable.class.getPackageName()));
  }
}
