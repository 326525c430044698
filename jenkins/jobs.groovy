// Tollgate's Jenkins jobs, as Job DSL. jenkins/casc.yaml runs this file when Jenkins starts
// (its `jobs:` section) and passes these variables in through `providedEnv`:
//
//   TOLLGATE_GIT_URL          the repository, e.g. https://git.example.com/payments/tollgate.git
//   TOLLGATE_GIT_CREDENTIALS  the id of the credential that reads it (casc.yaml: tollgate-git)
//
// The jobs:
//   tollgate                      every branch runs the Jenkinsfile; only release deploys
//   tollgate-rollback             by hand: an earlier release back on production
//   tollgate-system-verification  by hand: the production-safe tests against production, once

multibranchPipelineJob('tollgate') {
  displayName('Tollgate release')
  description('A push to release runs every gate of the Jenkinsfile and deploys to production; ' +
    'any other branch runs every gate but production. Each stage is one ./pipeline call.')
  branchSources {
    branchSource {
      source {
        git {
          id('tollgate')
          remote(TOLLGATE_GIT_URL)
          credentialsId(TOLLGATE_GIT_CREDENTIALS)
          traits {
            gitBranchDiscovery()
            // release deploys; main and topic branches get every gate but production. Widen
            // this for another branch naming scheme.
            headWildcardFilter {
              includes('release main feature/* fix/*')
              excludes('')
            }
          }
        }
      }
    }
  }
  factory {
    workflowBranchProjectFactory {
      scriptPath('Jenkinsfile')
    }
  }
  // A push reaches Jenkins through the git plugin's notifyCommit hook (jenkins/README.md),
  // which scans the branches at once; the hourly scan catches a missed hook.
  triggers {
    periodicFolderTrigger {
      interval('1h')
    }
  }
  orphanedItemStrategy {
    discardOldItems {
      daysToKeep(30)
    }
  }
}

pipelineJob('tollgate-rollback') {
  displayName('Tollgate rollback')
  description('Puts an earlier release back on production, one instance at a time behind HAProxy, ' +
    'then runs the production-safe tests (jenkins/rollback.Jenkinsfile, from the release branch).')
  parameters {
    stringParam('VERSION', '',
      'The release to put back on production, as named under var/releases/ (e.g. 20261121.051724-4a81b31). Empty: the release before the one production runs now.')
  }
  definition {
    cpsScm {
      scm {
        git {
          remote {
            url(TOLLGATE_GIT_URL)
            credentials(TOLLGATE_GIT_CREDENTIALS)
          }
          branch('*/release')
        }
      }
      scriptPath('jenkins/rollback.Jenkinsfile')
      lightweight(true)
    }
  }
}

// The system-verification job's whole pipeline: the release branch's ./pipeline, one call.
String verificationPipeline = '''\
pipeline {
  agent {
    node {
      label 'tollgate'
      customWorkspace '/var/lib/tollgate'
    }
  }
  options {
    timestamps()
    timeout(time: 30, unit: 'MINUTES')
    disableConcurrentBuilds()
    buildDiscarder(logRotator(numToKeepStr: '100'))
  }
  stages {
    stage('Checkout') {
      steps {
        git(url: '@GIT_URL@', credentialsId: '@GIT_CREDENTIALS@', branch: 'release')
      }
    }
    stage('Verify Production') {
      steps {
        sh './pipeline verify'
      }
    }
  }
  post {
    always {
      junit(allowEmptyResults: true, testResults: "var/runs/${env.BUILD_TAG}/junit/**/TEST-*.xml")
      archiveArtifacts(artifacts: "var/runs/${env.BUILD_TAG}/**", allowEmptyArchive: true)
    }
  }
}
'''.replace('@GIT_URL@', TOLLGATE_GIT_URL).replace('@GIT_CREDENTIALS@', TOLLGATE_GIT_CREDENTIALS)

pipelineJob('tollgate-system-verification') {
  displayName('Tollgate system verification (on demand)')
  description('Runs the production-safe tests against production once (./pipeline verify), when ' +
    'someone wants an answer now. After every deploy the same tests already run as the Verify ' +
    'Production stage of tollgate (release) and tollgate-rollback, and the system-verification ' +
    'service keeps running them every five minutes on its own (its /status endpoint), so this ' +
    'job has no trigger.')
  definition {
    cps {
      sandbox(true)
      script(verificationPipeline)
    }
  }
}
